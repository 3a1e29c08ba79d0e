// Loads data/geojson/incidents.seed.json: timestamps shifted so the newest report falls on the day of
// loading, each seed turned into an incident with its audit trail (derived from its timestamps) and
// the daily counters the hot-spot statistics read.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import {
  type IncidentSeed,
  IncidentSeedFileSchema,
  shiftIncidentSeed,
} from '../../core/geography/incident-seed.js';
import { isSensitive } from '../../core/incidents/classify.js';
import type { Incident, IncidentEvent } from '../../core/incidents/incident.js';
import { cstDay, deadlines } from '../../core/incidents/sla.js';
import type { Runtime } from '../runtime.js';
import type { LoadedGeneration } from '../services/boundaries.js';
import { batchPut } from '../store/batch.js';
import { counterKeyOf, eventItem, incidentItem } from '../store/incident-items.js';
import { counterAttr, incidentKeys } from '../store/keys.js';

/** The audit trail a seed's timestamps imply. */
function seedEvents(s: IncidentSeed, i: Incident): IncidentEvent[] {
  const steps: [IncidentEvent['action'], string | undefined, string][] = [
    ['report', s.reported_at, 'reported'],
  ];
  if (s.status === 'rejected') steps.push(['reject', s.reported_at, 'rejected']);
  if (s.accepted_at)
    steps.push(
      s.status === 'escalated'
        ? ['escalate', s.accepted_at, 'escalated']
        : ['accept', s.accepted_at, 'accepted'],
    );
  if (s.started_at) steps.push(['start', s.started_at, 'in_progress']);
  if (s.resolved_at) steps.push(['resolve', s.resolved_at, 'resolved']);
  if (s.status === 'reopened') steps.push(['reopen', s.resolved_at, 'reopened']);
  if (s.closed_at) steps.push([s.rating ? 'rate' : 'close', s.closed_at, 'closed']);
  return steps.map(([action, at, to], k) => ({
    incident_id: i.id,
    seq: k + 1,
    action,
    actor: k === 0 ? 'anonymous' : 'seed',
    role: k === 0 ? 'resident' : 'cadre',
    at: at ?? s.reported_at,
    from: k === 0 ? null : steps[k - 1][2],
    to,
    public: true,
    ...(action === 'rate' ? { rating: s.rating } : {}),
  }));
}

function toIncident(s: IncidentSeed, loaded: LoadedGeneration): Incident {
  const block = loaded.blocks.get(s.block_id)?.properties;
  const escalatedTo = s.escalated_to
    ? /^\d{9}$/.test(s.escalated_to)
      ? `township:${s.escalated_to}`
      : `department:${s.escalated_to}`
    : undefined;
  const incident: Incident = {
    id: s.id,
    version: 1,
    status: s.status,
    category: s.category,
    class: s.class,
    severity: s.severity,
    description: s.description,
    at_home: false,
    sensitive: isSensitive(s.category, false),
    lon: s.lon,
    lat: s.lat,
    h3_10: latLngToCell(s.lat, s.lon, 10),
    block_id: s.block_id,
    block_name: block?.name ?? s.block_id,
    community_code: s.community_code,
    township_code: s.township_code,
    generation: s.generation,
    photos: [],
    reporter: 'anonymous',
    receipt_hash: `seed:${s.id}`,
    reported_at: s.reported_at,
    responded_at: s.accepted_at ?? (s.status === 'rejected' ? s.reported_at : undefined),
    accepted_at: s.status === 'escalated' ? undefined : s.accepted_at,
    started_at: s.started_at,
    resolved_at: s.status === 'reopened' ? undefined : s.resolved_at,
    closed_at: s.closed_at,
    rating: s.rating,
    reject_reason: s.reject_reason,
    escalated_to: escalatedTo,
    updated_at: s.closed_at ?? s.resolved_at ?? s.started_at ?? s.accepted_at ?? s.reported_at,
    source: 'seed',
    ...deadlines(s.class, new Date(s.reported_at)),
  };
  return incident;
}

export interface SeedIncidentOptions {
  /** Write incidents and their events (the counters are always written). */
  records?: boolean;
  now?: Date;
  log?: (line: string) => void;
}

/** Loads the seed incidents; returns how many incidents, events and counter items it wrote. */
export async function seedIncidents(runtime: Runtime, dataDir: string, options: SeedIncidentOptions = {}) {
  const log = options.log ?? (() => {});
  const file = IncidentSeedFileSchema.parse(
    JSON.parse(await readFile(join(dataDir, 'incidents.seed.json'), 'utf8')),
  );
  const seeds = shiftIncidentSeed(file, options.now ?? new Date());
  const loaded = await runtime.services.boundaries.get(1);
  const table = runtime.services.config.TABLE_NAME;
  const counters = new Map<string, Record<string, unknown>>();
  const items: Record<string, unknown>[] = [];
  let events = 0;
  for (const s of seeds) {
    const incident = toIncident(s, loaded);
    const trail = seedEvents(s, incident);
    incident.version = trail.length;
    const key = counterKeyOf(incident, cstDay(incident.reported_at));
    const id = `${key.township}|${key.day}`;
    const counter = counters.get(id) ?? {
      ...incidentKeys.counter(key.township, key.day),
      _type: 'counter',
      total: 0,
    };
    for (const name of [
      counterAttr.block(key.block, key.class, key.category),
      counterAttr.cell(key.cell, key.class, key.category),
      'total',
    ]) {
      counter[name] = ((counter[name] as number | undefined) ?? 0) + 1;
    }
    counters.set(id, counter);
    if (options.records !== false) {
      items.push(incidentItem(incident), ...trail.map(eventItem));
      events += trail.length;
    }
  }
  const all = [...counters.values(), ...items];
  let last = 0;
  await batchPut(runtime.clients.doc, table, all, (written) => {
    if (written - last >= 10_000 || written === all.length) {
      log(`incidents: ${written}/${all.length} items`);
      last = written;
    }
  });
  return { incidents: options.records === false ? 0 : seeds.length, events, counter_items: counters.size };
}
