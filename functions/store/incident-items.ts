// Mapping between incidents/events/counters and their DynamoDB items (the only place that knows the layout).
import { ValidationError } from '../../core/errors.js';
import { nextDeadline } from '../../core/incidents/deadline.js';
import type { Incident, IncidentEvent } from '../../core/incidents/incident.js';
import type { CounterKey } from '../../core/incidents/ports.js';
import type { NotificationDraft } from '../../core/incidents/transition.js';
import { counterAttr, incidentKeys } from './keys.js';

type Item = Record<string, unknown>;

export function incidentItem(i: Incident): Item {
  const deadline = nextDeadline(i);
  return {
    ...incidentKeys.incident(i.id),
    ...incidentKeys.byBlock(i.block_id, i.reported_at, i.id),
    ...incidentKeys.byTownship(i.township_code, i.reported_at, i.id),
    ...(deadline ? incidentKeys.open(deadline, i.id) : {}),
    _type: 'incident',
    ...i,
  };
}

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', '_type'];

export function toIncident(item: Item): Incident {
  const copy: Item = { ...item };
  for (const k of KEY_ATTRS) delete copy[k];
  return copy as unknown as Incident;
}

export function eventItem(e: IncidentEvent): Item {
  return { ...incidentKeys.event(e.incident_id, e.seq), _type: 'event', ...e };
}

export function toEvent(item: Item): IncidentEvent {
  const copy: Item = { ...item };
  for (const k of KEY_ATTRS) delete copy[k];
  return copy as unknown as IncidentEvent;
}

/**
 * The counter key an incident is counted under on `day` (CST day of `reported_at`): its block, or — after a
 * boundary change recounted it without moving the record (closed work) — the block it is counted in now.
 */
export function counterKeyOf(i: Incident, day: string): CounterKey {
  return {
    day,
    township: i.counted_township ?? i.township_code,
    block: i.counted_block ?? i.block_id,
    cell: i.h3_10,
    class: i.class,
    category: i.category,
  };
}

/** An Update that adds `delta` to the block and cell counters (and the day total) of `key`, or moves them to `moveTo`. */
export function counterUpdate(tableName: string, key: CounterKey, delta: number, moveTo?: CounterKey) {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const adds: string[] = [];
  const add = (name: string, value: number) => {
    const n = `#a${adds.length}`;
    const v = `:v${adds.length}`;
    names[n] = name;
    values[v] = value;
    adds.push(`${n} ${v}`);
  };
  const from = [
    counterAttr.block(key.block, key.class, key.category),
    counterAttr.cell(key.cell, key.class, key.category),
  ];
  if (!moveTo) {
    for (const name of [...from, 'total']) add(name, delta);
  } else {
    const to = [
      counterAttr.block(moveTo.block, moveTo.class, moveTo.category),
      counterAttr.cell(moveTo.cell, moveTo.class, moveTo.category),
    ];
    // A name that does not change (e.g. the cell when only the block moves) is left alone:
    // DynamoDB refuses two updates of one attribute in one expression.
    from.forEach((name, i) => {
      if (name === to[i]) return;
      add(name, -delta);
      add(to[i], delta);
    });
  }
  return {
    Update: {
      TableName: tableName,
      Key: incidentKeys.counter(key.township, key.day),
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** Updates moving one report's counts from `before` to `after` (one item, or two across townships). */
export function counterMoves(tableName: string, before: CounterKey, after: CounterKey) {
  if (before.township !== after.township)
    return [counterUpdate(tableName, before, -1), counterUpdate(tableName, after, 1)];
  return [counterUpdate(tableName, before, 1, after)];
}

/** Notification outbox items, ids derived from the event so a retried write cannot duplicate them. */
export function notificationItems(
  incidentId: string,
  seq: number,
  drafts: NotificationDraft[],
  at: string,
): Item[] {
  return drafts.map((d, n) => {
    const id = `${incidentId}-${seq}-${n}`;
    return {
      ...incidentKeys.notification(id),
      ...incidentKeys.outbox(at, id),
      _type: 'notification',
      id,
      incident_id: incidentId,
      created_at: at,
      ...d,
    };
  });
}

/** Opaque pagination cursor (base64url of the LastEvaluatedKey). */
export const cursor = {
  encode: (key: Item | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null),
  decode: (raw: string | undefined): Item | undefined => {
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
      const ok =
        parsed &&
        typeof parsed === 'object' &&
        !Array.isArray(parsed) &&
        Object.entries(parsed).every(
          ([k, v]) => KEY_ATTRS.includes(k) && typeof v === 'string' && v.length < 300,
        );
      if (ok) return parsed as Item;
    } catch {
      // fall through to the error below
    }
    throw new ValidationError(
      'cursor is not valid: pass the `cursor` value of the previous page unchanged',
      {},
      'INVALID_CURSOR',
    );
  },
};
