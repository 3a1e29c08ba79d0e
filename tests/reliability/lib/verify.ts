// After the run: read the whole table with the AWS SDK and check every report against it — each
// acknowledged or retried report exactly once, nothing half-written, counters equal the incidents.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { hashReceipt } from '../../../functions/services/incidents.js';
import { createStoreClients } from '../../../functions/store/client.js';
import { tokenOf } from './load.js';

type Item = Record<string, unknown>;

export interface Verification {
  items: number;
  incidents: number;
  /** acknowledged reports with no incident in the store */
  lost: string[];
  /** reports (by token) stored more than once */
  duplicated: string[];
  /** how many incidents carry each report's token */
  stored: Map<string, number>;
  /** acknowledged with an id or receipt other than the stored incident's */
  wrongAck: string[];
  /** incidents whose description carries no token of this run's reports */
  phantom: string[];
  /** probe reports (answered 503, never retried) that were nevertheless written */
  probeWritten: string[];
  /** incidents without EVENT#00001 (seq 1, action report) */
  missingFirstEvent: string[];
  /** incidents without their receipt pointer or idempotency record */
  missingPointers: string[];
  /** receipt pointers / idempotency records naming an incident that does not exist */
  danglingPointers: string[];
  /** events of incidents that do not exist */
  orphanEvents: string[];
  /** counter attributes whose value differs from the incidents they count */
  counterMismatches: string[];
  /** sum of the `b|…` counter attributes over the days of the run */
  counterBlockSum: number;
  counterTotalSum: number;
}

async function scanAll(endpoint: string, table: string): Promise<Item[]> {
  const { doc, raw } = createStoreClients({ region: 'local', endpoint, timeoutMs: 30_000 });
  const items: Item[] = [];
  try {
    let start: Item | undefined;
    do {
      const out = await doc.send(
        new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
  } finally {
    raw.destroy();
  }
  return items;
}

export interface VerifyInput {
  endpoint: string;
  table: string;
  reports: readonly { token: string; key: string; ack?: { id: string; receipt: string } }[];
  probeTokens: ReadonlySet<string>;
}

/** Checks every invariant; returns the offenders by name (empty lists when all hold). */
export async function verifyStore(input: VerifyInput): Promise<Verification> {
  const items = await scanAll(input.endpoint, input.table);
  const byPk = new Map<string, Item[]>();
  for (const item of items) {
    const pk = String(item.pk);
    const list = byPk.get(pk);
    if (list) list.push(item);
    else byPk.set(pk, [item]);
  }
  const incidents = items.filter((i) => i._type === 'incident');
  const ids = new Set(incidents.map((i) => String(i.id)));
  const byToken = new Map<string, Item[]>();
  const v: Verification = {
    items: items.length,
    incidents: incidents.length,
    lost: [],
    duplicated: [],
    stored: new Map(),
    wrongAck: [],
    phantom: [],
    probeWritten: [],
    missingFirstEvent: [],
    missingPointers: [],
    danglingPointers: [],
    orphanEvents: [],
    counterMismatches: [],
    counterBlockSum: 0,
    counterTotalSum: 0,
  };
  const expected = new Map<string, number>();
  const bump = (k: string) => expected.set(k, (expected.get(k) ?? 0) + 1);

  for (const inc of incidents) {
    const id = String(inc.id);
    const token = tokenOf(String(inc.description));
    if (token) byToken.set(token, [...(byToken.get(token) ?? []), inc]); // lists of one or two
    const first = byPk.get(`INC#${id}`)?.find((i) => i.sk === 'EVENT#00001');
    if (first?.seq !== 1 || first.action !== 'report' || first.incident_id !== id)
      v.missingFirstEvent.push(id);
    if (!byPk.get(`RECEIPT#${inc.receipt_hash}`)?.some((p) => p.incident_id === id))
      v.missingPointers.push(`${id} (receipt)`);
    // incidents created by this run are counted from their reported_at CST day (counterKeyOf)
    const day = new Date(Date.parse(String(inc.reported_at)) + 8 * 3600_000).toISOString().slice(0, 10);
    const counter = `COUNT#${inc.township_code}|DAY#${day}`;
    bump(`${counter}|b|${inc.block_id}|${inc.class}|${inc.category}`);
    bump(`${counter}|h|${inc.h3_10}|${inc.class}|${inc.category}`);
    bump(`${counter}|total`);
  }
  const idemOf = new Map<string, Item>();
  for (const item of items) {
    if (item._type === 'idempotency') idemOf.set(String(item.pk), item);
    if ((item._type === 'idempotency' || item._type === 'receipt') && !ids.has(String(item.incident_id)))
      v.danglingPointers.push(`${item.pk} → ${item.incident_id}`);
    if (item._type === 'event' && !ids.has(String(item.incident_id))) v.orphanEvents.push(String(item.pk));
    if (String(item.pk).startsWith('COUNT#')) {
      const counter = `${item.pk}|${item.sk}`;
      for (const [name, value] of Object.entries(item)) {
        if (name !== 'total' && !name.startsWith('b|') && !name.startsWith('h|')) continue;
        if (name.startsWith('b|')) v.counterBlockSum += Number(value);
        if (name === 'total') v.counterTotalSum += Number(value);
        const k = `${counter}|${name}`;
        if ((expected.get(k) ?? 0) !== value)
          v.counterMismatches.push(`${k}: ${value} ≠ ${expected.get(k) ?? 0}`);
        expected.delete(k);
      }
    }
  }
  for (const [k, n] of expected) v.counterMismatches.push(`${k}: missing ≠ ${n}`);

  const known = new Set(input.reports.map((r) => r.token));
  for (const [token, found] of byToken) {
    if (found.length > 1) v.duplicated.push(`${token} ×${found.length}`);
    if (input.probeTokens.has(token)) v.probeWritten.push(token);
    else if (!known.has(token)) v.phantom.push(token);
  }
  for (const inc of incidents) if (!tokenOf(String(inc.description))) v.phantom.push(String(inc.id));
  for (const r of input.reports) {
    const found = byToken.get(r.token) ?? [];
    v.stored.set(r.token, found.length);
    const idem = idemOf.get(`IDEM#anonymous#${r.key}`);
    if (found.length > 0 && idem?.incident_id !== found[0].id)
      v.missingPointers.push(`${found[0].id} (idempotency record of ${r.key})`);
    if (!r.ack) continue;
    if (found.length === 0) v.lost.push(`${r.token} (acknowledged as ${r.ack.id})`);
    else if (found[0].id !== r.ack.id || found[0].receipt_hash !== hashReceipt(r.ack.receipt))
      v.wrongAck.push(`${r.token}: acknowledged ${r.ack.id}, stored ${found[0].id}`);
  }
  return v;
}
