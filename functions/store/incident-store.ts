// DynamoDB implementation of IncidentStore: transactional create (idempotent) and transitions
// (optimistic, append-only events), list queries on the block/township/open indexes, counters.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { DomainError, ValidationError, VersionConflictError } from '../../core/errors.js';
import type { Incident } from '../../core/incidents/incident.js';
import type { CounterDay, IncidentStore, ListQuery } from '../../core/incidents/ports.js';
import { cstDay } from '../../core/incidents/sla.js';
import { queryAll } from './batch.js';
import {
  counterKeyOf,
  counterMoves,
  counterUpdate,
  cursor,
  eventItem,
  incidentItem,
  notificationItems,
  toEvent,
  toIncident,
} from './incident-items.js';
import { incidentKeys } from './keys.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const reasons = (err: unknown) =>
  err instanceof TransactionCanceledException
    ? (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None')
    : [];

export function createIncidentStore(doc: DynamoDBDocumentClient, table: string): IncidentStore {
  const getItem = async (key: Record<string, string>) =>
    (await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

  /** A cursor must be one this listing issued: exactly its key attributes, in the same partition. */
  const startKey = (raw: string | undefined, index: 'gsi1' | 'gsi2' | 'gsi3', partition: string) => {
    const key = cursor.decode(raw);
    if (!key) return undefined;
    const names = Object.keys(key).sort().join(',');
    const expected = ['pk', 'sk', `${index}pk`, `${index}sk`].sort().join(',');
    if (names !== expected || key[`${index}pk`] !== partition || !String(key.pk).startsWith('INC#')) {
      throw new ValidationError(
        'cursor does not belong to this listing: pass the `cursor` of the previous page unchanged',
        {},
        'INVALID_CURSOR',
      );
    }
    return key;
  };

  const list = async (index: 'gsi1' | 'gsi2', pk: string, q: ListQuery) => {
    const lo = q.since ?? '0';
    const hi = `${q.until ?? '9999'}~`;
    const out = await doc.send(
      new QueryCommand({
        TableName: table,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :p AND ${index}sk BETWEEN :lo AND :hi`,
        ExpressionAttributeValues: { ':p': pk, ':lo': lo, ':hi': hi },
        ScanIndexForward: false,
        Limit: q.limit,
        ExclusiveStartKey: startKey(q.cursor, index, pk),
      }),
    );
    return { items: (out.Items ?? []).map(toIncident), cursor: cursor.encode(out.LastEvaluatedKey) };
  };

  /** One attempt of recount: 'conflict' when the record or a counter changed under it. */
  async function recountOnce(
    incident: Incident,
    target: { block: string; township: string },
  ): Promise<'moved' | 'same' | 'conflict'> {
    const current = await getItem(incidentKeys.incident(incident.id));
    if (!current) return 'same';
    const before = toIncident(current);
    const from = counterKeyOf(before, cstDay(before.reported_at));
    if (from.block === target.block && from.township === target.township) return 'same';
    const to = { ...from, block: target.block, township: target.township };
    const countedHere = target.block === before.block_id && target.township === before.township_code;
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: incidentKeys.incident(before.id),
                UpdateExpression: countedHere
                  ? 'REMOVE counted_block, counted_township'
                  : 'SET counted_block = :b, counted_township = :t',
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: {
                  ':v': before.version,
                  ...(countedHere ? {} : { ':b': target.block, ':t': target.township }),
                },
              },
            },
            ...counterMoves(table, from, to),
          ],
        }),
      );
    } catch (err) {
      const codes = reasons(err);
      if (
        codes.includes('ConditionalCheckFailed') ||
        codes.includes('TransactionConflict') ||
        (err as Error).name === 'TransactionConflictException'
      )
        return 'conflict';
      throw err;
    }
    return 'moved';
  }

  return {
    async create(incident, event, claim, notifications) {
      const idemKey = incidentKeys.idempotency(incident.reporter, claim.key);
      const nowS = Math.floor(Date.parse(incident.reported_at) / 1000);
      const items = [
        {
          Put: {
            TableName: table,
            Item: incidentItem(incident),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: { TableName: table, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(pk)' },
        },
        {
          Put: {
            TableName: table,
            Item: {
              ...incidentKeys.receipt(incident.receipt_hash),
              _type: 'receipt',
              incident_id: incident.id,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table,
            Item: {
              ...idemKey,
              _type: 'idempotency',
              request_hash: claim.requestHash,
              incident_id: incident.id,
              receipt: claim.receipt,
              expires_at: nowS + claim.ttlSeconds,
            },
            ConditionExpression: 'attribute_not_exists(pk) OR expires_at < :now',
            ExpressionAttributeValues: { ':now': nowS },
          },
        },
        counterUpdate(table, counterKeyOf(incident, cstDay(incident.reported_at)), 1),
        ...notificationItems(incident.id, 1, notifications, incident.reported_at).map((Item) => ({
          Put: { TableName: table, Item },
        })),
      ];
      for (let attempt = 0; ; attempt++) {
        try {
          await doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: undefined }));
          return { incident, replayed: false, receipt: claim.receipt };
        } catch (err) {
          const codes = reasons(err);
          if (codes[3] === 'ConditionalCheckFailed') {
            const claimItem = await getItem(idemKey);
            if (claimItem && claimItem.request_hash !== claim.requestHash) {
              throw new DomainError(
                'IDEMPOTENCY_KEY_REUSED',
                'this Idempotency-Key was already used for a different report; use a new key for a new report',
                422,
              );
            }
            const original = claimItem
              ? await getItem(incidentKeys.incident(String(claimItem.incident_id)))
              : undefined;
            if (original && claimItem)
              return { incident: toIncident(original), replayed: true, receipt: String(claimItem.receipt) };
          }
          const conflict =
            codes.includes('TransactionConflict') || (err as Error).name === 'TransactionConflictException';
          if ((conflict || codes[3] === 'ConditionalCheckFailed') && attempt < 8) {
            await sleep(20 + Math.random() * 40 * (attempt + 1));
            continue;
          }
          throw err;
        }
      }
    },

    async get(id) {
      const item = await getItem(incidentKeys.incident(id));
      return item ? toIncident(item) : null;
    },

    async getByReceiptHash(hash) {
      const pointer = await getItem(incidentKeys.receipt(hash));
      if (!pointer) return null;
      const item = await getItem(incidentKeys.incident(String(pointer.incident_id)));
      return item ? toIncident(item) : null;
    },

    async events(id) {
      const items = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :e)',
        ExpressionAttributeValues: { ':p': incidentKeys.incident(id).pk, ':e': incidentKeys.eventPrefix },
        ConsistentRead: true,
      });
      return items.map(toEvent);
    },

    async transition(before, after, event, notifications) {
      const day = cstDay(before.reported_at);
      const [from, to] = [counterKeyOf(before, day), counterKeyOf(after, day)];
      const same = from.block === to.block && from.township === to.township && from.class === to.class;
      const moved = same ? [] : counterMoves(table, from, to);
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: incidentItem(after),
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': before.version },
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: eventItem(event),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...moved,
              ...notificationItems(before.id, event.seq, notifications, event.at).map((Item) => ({
                Put: { TableName: table, Item },
              })),
            ],
          }),
        );
      } catch (err) {
        const codes = reasons(err);
        if (
          codes[0] === 'ConditionalCheckFailed' ||
          codes[1] === 'ConditionalCheckFailed' ||
          codes.includes('TransactionConflict')
        ) {
          throw new VersionConflictError(
            `incident ${before.id} changed since version ${before.version}; reload it and try again`,
            { expected_version: before.version },
          );
        }
        throw err;
      }
    },

    listByBlock: (block, q) => list('gsi1', `BLOCK#${block}`, q),
    listByTownship: (township, q) => list('gsi2', `TOWN#${township}`, q),

    async listOpen(q) {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi3',
          KeyConditionExpression: q.dueBefore ? 'gsi3pk = :p AND gsi3sk < :d' : 'gsi3pk = :p',
          ExpressionAttributeValues: q.dueBefore ? { ':p': 'OPEN', ':d': q.dueBefore } : { ':p': 'OPEN' },
          Limit: q.limit,
          ExclusiveStartKey: startKey(q.cursor, 'gsi3', 'OPEN'),
        }),
      );
      return { items: (out.Items ?? []).map(toIncident), cursor: cursor.encode(out.LastEvaluatedKey) };
    },

    async recount(incident, target) {
      // Another writer on the same day's counter item (a report, a transition) makes the transaction
      // conflict: read again and retry a few times, then leave it to the next run of the follow-up.
      for (let attempt = 0; attempt < 4; attempt++) {
        if (attempt > 0) await sleep(25 * 2 ** attempt + Math.random() * 25);
        const out = await recountOnce(incident, target);
        if (out !== 'conflict') return out;
      }
      return 'busy';
    },

    async auditContactRead(incidentId, actor, role, at) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            pk: incidentKeys.incident(incidentId).pk,
            sk: `AUDIT#${at}#${actor}`,
            _type: 'audit',
            action: 'read_contact',
            actor,
            role,
            at,
          },
        }),
      );
    },

    cursorAfter(listing, incident) {
      const item = incidentItem(incident);
      const index = listing === 'block' ? 'gsi1' : listing === 'township' ? 'gsi2' : 'gsi3';
      const key = {
        pk: item.pk,
        sk: item.sk,
        [`${index}pk`]: item[`${index}pk`],
        [`${index}sk`]: item[`${index}sk`],
      };
      return cursor.encode(key as Record<string, unknown>)!;
    },

    async counterDays(townships, days) {
      const keys = townships.flatMap((t) => days.map((d) => incidentKeys.counter(t, d)));
      const found: CounterDay[] = [];
      let itemsRead = 0;
      let requests = 0;
      for (let i = 0; i < keys.length; i += 100) {
        let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
        while (pending && pending.length > 0) {
          requests++;
          const out = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }));
          for (const item of out.Responses?.[table] ?? []) {
            itemsRead++;
            const day: CounterDay = {
              township: String(item.pk).slice('COUNT#'.length),
              day: String(item.sk).slice('DAY#'.length),
              blocks: new Map(),
              cells: new Map(),
            };
            for (const [name, value] of Object.entries(item)) {
              if (typeof value !== 'number' || value === 0) continue;
              if (name.startsWith('b|')) day.blocks.set(name.slice(2), value);
              else if (name.startsWith('h|')) day.cells.set(name.slice(2), value);
            }
            found.push(day);
          }
          pending = out.UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined;
          if (pending?.length) await sleep(50);
        }
      }
      return { days: found, itemsRead, requests };
    },
  };
}
