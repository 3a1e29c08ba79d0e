// Draft generations in DynamoDB: numbering, copying the current generation, atomic edits (conditional
// on the draft's version), publish (draft → current in one transaction), discard.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { BlockFeature, Generation } from '../../core/blocks/generation.js';
import { DomainError, VersionConflictError } from '../../core/errors.js';
import type { Assignment } from '../../core/geography/schemas.js';
import type { CadreRoles, Coverage } from '../../core/planner/coverage.js';
import { batchPut, queryAll } from './batch.js';
import { CURRENT_GENERATION_KEY, DISTRICT_KEY, GENERATION_SEQ_KEY, keys } from './keys.js';

type Item = Record<string, unknown>;
const blockItem = (g: number, b: BlockFeature): Item => ({
  ...keys.block(g, b.properties.id),
  _type: 'block',
  ...b.properties,
  geometry: JSON.stringify(b.geometry),
});
const assignmentItem = (
  g: number,
  blockId: string,
  roles: CadreRoles & Partial<Pick<Assignment, 'doctor_team' | 'duty_phone'>>,
): Item => ({
  ...keys.assignment(g, blockId),
  _type: 'assignment',
  block_id: blockId,
  ...roles,
});

const cancelled = (err: unknown) =>
  err instanceof TransactionCanceledException
    ? (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None')
    : [];

export function createDraftStore(doc: DynamoDBDocumentClient, table: string) {
  const meta = (g: number) => ({
    ...keys.generationMeta(g),
    ...keys.generationIndex(g),
    _type: 'generation',
  });
  return {
    /** Hands out the next generation number (after 1, which the seed used). */
    async nextGeneration(): Promise<number> {
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: GENERATION_SEQ_KEY,
          UpdateExpression: 'SET seq = if_not_exists(seq, :one) + :one',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.seq);
    },

    /** Writes a new draft: its blocks and assignments first, the meta item last. */
    async createDraft(
      draft: Generation,
      blocks: readonly BlockFeature[],
      assignments: readonly Assignment[],
      retired: readonly string[] = [],
    ) {
      const g = draft.generation;
      await batchPut(doc, table, [
        ...blocks.map((b) => blockItem(g, b)),
        ...assignments.map((a) => assignmentItem(g, a.block_id, a)),
      ]);
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...meta(g), ...draft, retired_ids: [...retired] },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** The draft's assignments (and the district outline, for publish checks). */
    async assignments(g: number): Promise<Assignment[]> {
      const items = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': keys.generationPk(g), ':s': keys.assignmentPrefix },
        ConsistentRead: true,
      });
      return items.map(({ pk: _p, sk: _s, _type: _t, ...a }) => a as unknown as Assignment);
    },

    async retiredIds(g: number): Promise<string[]> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: keys.generationMeta(g), ConsistentRead: true }),
      );
      return (Item?.retired_ids as string[] | undefined) ?? [];
    },

    async district(): Promise<unknown> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: DISTRICT_KEY }));
      return Item ? JSON.parse(String(Item.geometry)) : null;
    },

    async putDistrict(geometry: unknown) {
      await doc.send(
        new PutCommand({ TableName: table, Item: { ...DISTRICT_KEY, geometry: JSON.stringify(geometry) } }),
      );
    },

    /** Saves one accepted edit atomically, only if the draft is still at `version`. */
    async saveEdit(
      g: number,
      version: number,
      next: Coverage,
      ids: { changed: string[]; added: string[]; removed: string[] },
      /** Doctor team and duty phone of each written block (kept from the block it came from). */
      extras: Record<string, Partial<Pick<Assignment, 'doctor_team' | 'duty_phone'>>> = {},
      audit: { actor: string; op: unknown } = { actor: 'unknown', op: null },
    ) {
      const byId = new Map(next.blocks.map((b) => [b.properties.id, b]));
      const writes: Item[] = [];
      for (const id of [...ids.changed, ...ids.added]) {
        const block = byId.get(id);
        if (block) writes.push({ Put: { TableName: table, Item: blockItem(g, block) } });
        const roles = next.assignments[id];
        if (roles)
          writes.push({
            Put: { TableName: table, Item: assignmentItem(g, id, { ...roles, ...extras[id] }) },
          });
      }
      for (const id of ids.removed) {
        writes.push({ Delete: { TableName: table, Key: keys.block(g, id) } });
        writes.push({ Delete: { TableName: table, Key: keys.assignment(g, id) } });
      }
      if (writes.length > 98)
        throw new DomainError(
          'EDIT_TOO_LARGE',
          'this edit touches too many blocks at once; split it into smaller edits',
          422,
        );
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: keys.generationMeta(g),
                  UpdateExpression:
                    'SET version = version + :one, retired_ids = :retired, updated_at = :now, block_count = :n, last_edited_by = :actor',
                  ConditionExpression: '#s = :draft AND version = :v',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: {
                    ':one': 1,
                    ':retired': [...next.retired_ids],
                    ':now': new Date().toISOString(),
                    ':n': next.blocks.length,
                    ':draft': 'draft',
                    ':v': version,
                    ':actor': audit.actor,
                  },
                },
              },
              // The edit log: who changed the draft, when, with which operation (append-only).
              {
                Put: {
                  TableName: table,
                  Item: {
                    pk: keys.generationPk(g),
                    sk: `EDIT#${String(version + 1).padStart(6, '0')}`,
                    _type: 'edit',
                    actor: audit.actor,
                    at: new Date().toISOString(),
                    op: JSON.stringify(audit.op),
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...(writes as never[]),
            ],
          }),
        );
      } catch (err) {
        const codes = cancelled(err);
        if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) {
          throw new VersionConflictError(
            `draft ${g} is no longer at version ${version}; reload it and apply your edit again`,
            {
              expected_version: version,
            },
          );
        }
        throw err;
      }
      return version + 1;
    },

    /** Writes the draft's derived blocks, communities, townships and cadre index (before publish). */
    async writeDerived(items: Item[]) {
      await batchPut(doc, table, items);
    },

    /** Draft → published and current, in one transaction; refused if either changed meanwhile. */
    async publish(
      actor: string,
      g: number,
      version: number,
      base: number | null,
      fingerprint: string,
      blockCount: number,
    ) {
      const now = new Date().toISOString();
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: keys.generationMeta(g),
                  UpdateExpression:
                    'SET #s = :published, published_at = :now, fingerprint = :f, block_count = :n, published_by = :actor',
                  ConditionExpression: '#s = :draft AND version = :v',
                  ExpressionAttributeNames: { '#s': 'status' },
                  ExpressionAttributeValues: {
                    ':published': 'published',
                    ':now': now,
                    ':f': fingerprint,
                    ':n': blockCount,
                    ':draft': 'draft',
                    ':v': version,
                    ':actor': actor,
                  },
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: { ...CURRENT_GENERATION_KEY, generation: g, updated_at: now },
                  ConditionExpression: 'generation = :base',
                  ExpressionAttributeValues: { ':base': base },
                },
              },
            ],
          }),
        );
      } catch (err) {
        const codes = cancelled(err);
        if (codes[0] === 'ConditionalCheckFailed') {
          throw new VersionConflictError(`draft ${g} changed or is no longer a draft; reload it`, {
            expected_version: version,
          });
        }
        if (codes[1] === 'ConditionalCheckFailed') {
          throw new DomainError(
            'BASE_NOT_CURRENT',
            `this draft was copied from generation ${base}, which is no longer current: start a new draft from the current generation`,
            422,
            { base },
          );
        }
        throw err;
      }
      return now;
    },

    /** Records when work last fully followed a published generation (the notifier then stops re-running it). */
    async markFollowed(g: number, at: string) {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.generationMeta(g),
          UpdateExpression: 'SET followed_at = :at',
          ConditionExpression: '#s = :published',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':at': at, ':published': 'published' },
        }),
      );
    },

    async discard(g: number) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.generationMeta(g),
            UpdateExpression: 'SET #s = :discarded, updated_at = :now',
            ConditionExpression: '#s = :draft',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: {
              ':discarded': 'discarded',
              ':draft': 'draft',
              ':now': new Date().toISOString(),
            },
          }),
        );
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') {
          throw new DomainError(
            'NOT_A_DRAFT',
            `generation ${g} is not a draft; only drafts can be discarded`,
            409,
          );
        }
        throw err;
      }
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
