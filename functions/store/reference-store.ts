// DynamoDB implementation of ReferenceStore: cadres, assignments per generation, teams, departments, assets.
import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AssetFeature, ReferenceStore } from '../../core/blocks/ports.js';
import type { Assignment, Cadre, Department, DoctorTeam } from '../../core/geography/schemas.js';
import { queryAll } from './batch.js';
import { keys } from './keys.js';

type Item = Record<string, unknown>;

/** Drops the key attributes from an item. */
export function strip<T>(item: Item): T {
  const { pk: _pk, sk: _sk, gsi1pk: _1, gsi1sk: _2, _type: _t, ...rest } = item;
  return rest as T;
}

export function createReferenceStore(doc: DynamoDBDocumentClient, tableName: string): ReferenceStore {
  return {
    async assignment(generation, blockId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.assignment(generation, blockId) }),
      );
      return Item ? strip<Assignment>(Item) : null;
    },

    async cadres(ids) {
      const unique = [...new Set(ids)];
      const found: Cadre[] = [];
      for (let i = 0; i < unique.length; i += 100) {
        let request: Item[] | undefined = unique.slice(i, i + 100).map((id) => keys.cadre(id));
        for (let attempt = 0; request && request.length > 0 && attempt < 8; attempt++) {
          const out = await doc.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: request } } }),
          );
          found.push(...(out.Responses?.[tableName] ?? []).map((item) => strip<Cadre>(item)));
          request = out.UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined;
        }
      }
      const order = new Map(unique.map((id, i) => [id, i]));
      return found.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    },

    async blocksOfCadre(generation, cadreId) {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': keys.cadre(cadreId).pk, ':s': keys.cadreBlockPrefix(generation) },
      });
      return items.map((i) => ({ block_id: String(i.block_id), role: String(i.role) }));
    },

    async doctorTeam(id) {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.doctorTeam(id) }));
      return Item ? strip<DoctorTeam>(Item) : null;
    },

    async departments() {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'DEPARTMENTS' },
      });
      return items.map((item) => strip<Department>(item));
    },

    async assets() {
      const items = await queryAll(doc, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'ASSETS' },
      });
      return items.map((item) => {
        const { geometry, ...properties } = strip<Item>(item);
        return { type: 'Feature', properties, geometry: JSON.parse(String(geometry)) } as AssetFeature;
      });
    },
  };
}
