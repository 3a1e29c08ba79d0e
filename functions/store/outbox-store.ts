// DynamoDB outbox of notifications. The incident store writes the items in the same transaction as the
// change that causes them (pk NOTE#<id>, gsi1 OUTBOX while pending); delivery moves an item to the
// day partition NOTES#<day> of gsi1, so pending stays a small partition and recent reads stay cheap.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { RecipientFilter } from '../../core/notifications/audience.js';
import { type Notification, notificationPosition } from '../../core/notifications/notification.js';
import type { OutboxStore } from '../../core/notifications/ports.js';
import { incidentKeys } from './keys.js';

export type { OutboxStore } from '../../core/notifications/ports.js';

/** Delivered notifications are found this many days back at most. */
export const RECENT_MAX_DAYS = 7;
const OUTBOX = incidentKeys.outbox('', '').gsi1pk;
/** gsi1 partition of notifications delivered on a UTC day (candidate for keys.ts). */
export const deliveredPartition = (at: string) => `NOTES#${at.slice(0, 10)}`;

type Item = Record<string, unknown>;

const failedCondition = (err: unknown) =>
  err instanceof ConditionalCheckFailedException || (err as Error).name === 'ConditionalCheckFailedException';

function toNotification(item: Item): Notification {
  return {
    id: String(item.id),
    kind: item.kind as Notification['kind'],
    recipient: String(item.recipient),
    message: String(item.message ?? ''),
    incident_id: String(item.incident_id ?? ''),
    created_at: String(item.created_at),
    delivered_at: typeof item.delivered_at === 'string' ? item.delivered_at : null,
  };
}

/** UTC days from the day of `since` to today, at most RECENT_MAX_DAYS + 1 of them. */
function daysSince(since: string, now: Date): string[] {
  const day = 86_400_000;
  const today = Date.parse(now.toISOString().slice(0, 10));
  const parsed = Date.parse(since.slice(0, 10));
  const first = Math.max(Number.isNaN(parsed) ? today : parsed, today - RECENT_MAX_DAYS * day);
  const days: string[] = [];
  for (let t = first; t <= today; t += day) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export function createOutboxStore(
  doc: DynamoDBDocumentClient,
  table: string,
  now: () => Date = () => new Date(),
): OutboxStore {
  const queryPartition = async (
    partition: string,
    since: string,
    limit: number,
    order: 'asc' | 'desc',
    filter: RecipientFilter,
  ) => {
    const input: QueryCommandInput = {
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk > :s',
      ExpressionAttributeValues: { ':p': partition, ':s': since },
      ScanIndexForward: order === 'asc',
      Limit: Math.max(limit, 50),
    };
    if (!filter.all) {
      const names = filter.recipients.map((_, i) => `:r${i}`);
      input.FilterExpression = `recipient IN (${names.join(', ')})`;
      filter.recipients.forEach((r, i) => {
        input.ExpressionAttributeValues![names[i]] = r;
      });
    }
    const found: Notification[] = [];
    for (let page = 0; page < 10 && found.length < limit; page++) {
      const out = await doc.send(new QueryCommand(input));
      found.push(...(out.Items ?? []).map(toNotification));
      if (!out.LastEvaluatedKey) break;
      input.ExclusiveStartKey = out.LastEvaluatedKey;
    }
    return found;
  };

  return {
    async pending(limit) {
      const out = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': OUTBOX },
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map(toNotification);
    },

    async claim(id, until, at) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: incidentKeys.notification(id),
            UpdateExpression: 'SET lease_until = :until ADD attempts :one',
            ConditionExpression:
              'attribute_exists(pk) AND attribute_not_exists(delivered_at) AND (attribute_not_exists(lease_until) OR lease_until < :now)',
            ExpressionAttributeValues: { ':until': until, ':now': at, ':one': 1 },
          }),
        );
        return true;
      } catch (err) {
        if (failedCondition(err)) return false;
        throw err;
      }
    },

    async markDelivered(id, at) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: incidentKeys.notification(id),
            UpdateExpression: 'SET delivered_at = :at, gsi1pk = :p REMOVE lease_until',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(delivered_at)',
            ExpressionAttributeValues: { ':at': at, ':p': deliveredPartition(at) },
          }),
        );
        return true;
      } catch (err) {
        if (failedCondition(err)) return false;
        throw err;
      }
    },

    async add(n) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...incidentKeys.notification(n.id),
              ...incidentKeys.outbox(n.created_at, n.id),
              _type: 'notification',
              id: n.id,
              incident_id: n.incident_id,
              created_at: n.created_at,
              kind: n.kind,
              recipient: n.recipient,
              message: n.message,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (err) {
        if (failedCondition(err)) return false;
        throw err;
      }
    },

    async recent(filter, since, limit, order = 'desc') {
      if (!filter.all && filter.recipients.length === 0) return [];
      // Pending first: an item delivered between the two reads is then seen twice (deduplicated), never missed.
      const partitions = [OUTBOX, ...daysSince(since, now()).map(deliveredPartition)];
      const pages = [];
      for (const p of partitions) pages.push(await queryPartition(p, since, limit, order, filter));
      const byId = new Map<string, Notification>();
      for (const n of pages.flat()) if (!byId.get(n.id)?.delivered_at) byId.set(n.id, n);
      const sorted = [...byId.values()].sort((a, b) =>
        notificationPosition(a) < notificationPosition(b) ? -1 : 1,
      );
      return (order === 'asc' ? sorted : sorted.reverse()).slice(0, limit);
    },
  };
}
