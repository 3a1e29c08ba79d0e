// DynamoDB implementation of BoundaryStore: one partition per generation holding its blocks,
// communities, townships and cadre assignments; a meta item points at the current generation.
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AreaGeometry,
  BlockFeature,
  BoundarySet,
  CommunityFeature,
  Generation,
  TownshipFeature,
} from '../../core/blocks/generation.js';
import type { BoundaryStore } from '../../core/blocks/ports.js';
import { VersionConflictError } from '../../core/errors.js';
import {
  BlockPropertiesSchema,
  CommunityPropertiesSchema,
  TownshipPropertiesSchema,
} from '../../core/geography/schemas.js';
import { batchPut, queryAll } from './batch.js';
import { CURRENT_GENERATION_KEY, keys } from './keys.js';

type Item = Record<string, unknown>;

/** Geometry is stored as a JSON string: compact, and clear of DynamoDB's nesting limits. */
function featureItem(
  key: { pk: string; sk: string },
  type: string,
  f: { properties: object; geometry: AreaGeometry },
) {
  return { ...key, _type: type, ...f.properties, geometry: JSON.stringify(f.geometry) };
}

/** Property order of each kind, so responses (and their ETags) are byte-identical in every process. */
const PROPERTY_ORDER: Record<string, readonly string[]> = {
  block: Object.keys(BlockPropertiesSchema.shape),
  community: Object.keys(CommunityPropertiesSchema.shape),
  township: Object.keys(TownshipPropertiesSchema.shape),
};

function toFeature<F>(item: Item): F {
  const { pk: _pk, sk: _sk, _type, geometry, ...rest } = item;
  const order = PROPERTY_ORDER[String(_type)] ?? [];
  const known = order.filter((k) => k in rest);
  const extra = Object.keys(rest)
    .filter((k) => !order.includes(k))
    .sort();
  const properties = Object.fromEntries([...known, ...extra].map((k) => [k, rest[k]]));
  return { type: 'Feature', properties, geometry: JSON.parse(String(geometry)) } as F;
}

function toGeneration(item: Item): Generation {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, _type: _t, ...rest } = item;
  return rest as unknown as Generation;
}

export function createBoundaryStore(doc: DynamoDBDocumentClient, tableName: string): BoundaryStore {
  return {
    async currentGeneration() {
      // Strongly consistent: an eventually consistent read may answer the previous generation after a
      // publish (and after this process already answered the new one), or locate a report in it.
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: CURRENT_GENERATION_KEY, ConsistentRead: true }),
      );
      return typeof Item?.generation === 'number' ? Item.generation : null;
    },

    async getGeneration(generation) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.generationMeta(generation), ConsistentRead: true }),
      );
      return Item ? toGeneration(Item) : null;
    },

    async listGenerations() {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'GENERATIONS' },
      });
      return items.map(toGeneration);
    },

    async loadBoundaries(generation) {
      // Strongly consistent: publishing rewrites the draft's partition just before it commits, and a
      // process caches what it reads here for good; a lagging replica would mix draft and published items.
      const items = await queryAll(doc, {
        TableName: tableName,
        ConsistentRead: true,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': keys.generationPk(generation) },
      });
      const set: BoundarySet = { generation, blocks: [], communities: [], townships: [] };
      for (const item of items) {
        if (item._type === 'block') set.blocks.push(toFeature<BlockFeature>(item));
        else if (item._type === 'community') set.communities.push(toFeature<CommunityFeature>(item));
        else if (item._type === 'township') set.townships.push(toFeature<TownshipFeature>(item));
      }
      return set;
    },

    async putBoundaries(meta, set) {
      const g = meta.generation;
      const items: Item[] = [
        ...set.townships.map((f) => featureItem(keys.township(g, f.properties.code), 'township', f)),
        ...set.communities.map((f) => featureItem(keys.community(g, f.properties.code), 'community', f)),
        ...set.blocks.map((f) => featureItem(keys.block(g, f.properties.id), 'block', f)),
      ];
      await batchPut(doc, tableName, items);
      // The meta item last: a generation is visible only once all of its boundaries are written.
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.generationMeta(g), ...keys.generationIndex(g), _type: 'generation', ...meta },
        }),
      );
    },

    async setCurrent(generation, expectedCurrent) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...CURRENT_GENERATION_KEY, generation, updated_at: new Date().toISOString() },
            ConditionExpression:
              expectedCurrent === null ? 'attribute_not_exists(pk)' : 'generation = :expected',
            ExpressionAttributeValues:
              expectedCurrent === null ? undefined : { ':expected': expectedCurrent },
          }),
        );
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
        throw new VersionConflictError(
          `the current generation is no longer ${expectedCurrent ?? 'unset'}; another generation was published first`,
          { expected_current: expectedCurrent },
        );
      }
    },
  };
}
