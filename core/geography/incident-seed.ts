// The demo incident seed (data/geojson/incidents.seed.json): record schema, consistency checks, date shifting.
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { INCIDENT_CATEGORY_KEYS, INCIDENT_CLASSES } from '../incidents/categories';
import { STATES } from '../incidents/lifecycle';
import { pointInPolygon } from './geom';
import { BLOCK_ID, type BlockProperties, COMMUNITY_CODE, DEPARTMENT_KEYS, TOWNSHIP_CODE } from './schemas';
import type { Violation } from './violation';

/** Seed records use the lifecycle's states. */
export const SEED_STATUSES = STATES;

const timestamp = z.iso.datetime({ offset: false });

export const IncidentSeedSchema = z.object({
  id: z.string().regex(/^SEED-\d{6}$/),
  lon: z.number(),
  lat: z.number(),
  block_id: z.string().regex(BLOCK_ID),
  community_code: z.string().regex(COMMUNITY_CODE),
  township_code: z.string().regex(TOWNSHIP_CODE),
  generation: z.number().int().positive(),
  category: z.enum(INCIDENT_CATEGORY_KEYS),
  class: z.enum(INCIDENT_CLASSES),
  severity: z.number().int().min(1).max(3),
  status: z.enum(SEED_STATUSES),
  description: z.string().min(2),
  reported_at: timestamp,
  accepted_at: timestamp.optional(),
  started_at: timestamp.optional(),
  resolved_at: timestamp.optional(),
  closed_at: timestamp.optional(),
  rating: z.number().int().min(1).max(5).optional(),
  /** Department key (class C/D) or 9-digit township code (class B) the incident went to. */
  escalated_to: z.union([z.enum(DEPARTMENT_KEYS), z.string().regex(TOWNSHIP_CODE)]).optional(),
  reject_reason: z.string().optional(),
});
export type IncidentSeed = z.infer<typeof IncidentSeedSchema>;

export const IncidentSeedFileSchema = z.object({
  reference_date: timestamp,
  incidents: z.array(IncidentSeedSchema),
});
export type IncidentSeedFile = z.infer<typeof IncidentSeedFileSchema>;

const STAGES = ['reported_at', 'accepted_at', 'started_at', 'resolved_at', 'closed_at'] as const;

/** Which lifecycle timestamps each status must (and must not) carry, in lifecycle order. */
const REQUIRED: Record<IncidentSeed['status'], number> = {
  reported: 1,
  rejected: 1,
  accepted: 2,
  escalated: 2,
  in_progress: 3,
  resolved: 4,
  reopened: 4,
  closed: 5,
};

/** Lifecycle problems of one record: timestamps in order, present exactly as far as its status. */
export function lifecycleProblems(r: IncidentSeed, referenceDate: string): string[] {
  const problems: string[] = [];
  const n = REQUIRED[r.status];
  STAGES.forEach((stage, i) => {
    if (i < n && r[stage] === undefined) problems.push(`status ${r.status} needs ${stage}`);
    if (i >= n && r[stage] !== undefined) problems.push(`status ${r.status} must not have ${stage}`);
  });
  const times = STAGES.map((s) => r[s]).filter((t): t is string => t !== undefined);
  for (let i = 1; i < times.length; i++)
    if (times[i] < times[i - 1]) problems.push(`timestamps out of order: ${times[i - 1]} then ${times[i]}`);
  if (times.some((t) => t > referenceDate))
    problems.push(`a timestamp is after the reference date ${referenceDate}`);
  if (r.rating !== undefined && r.status !== 'closed' && r.status !== 'resolved')
    problems.push(`rating on a ${r.status} incident`);
  if ((r.status === 'rejected') !== (r.reject_reason !== undefined))
    problems.push('reject_reason goes with status rejected only');
  if (r.status === 'escalated' && !r.escalated_to) problems.push('escalated incident has no escalated_to');
  if (r.class === 'B' && r.escalated_to && r.escalated_to !== r.township_code)
    problems.push('class B goes to its own township');
  return problems;
}

/** Checks every record: schema, lifecycle, and that its point lies in the block (and codes) it names. */
export function checkIncidentSeed(
  file: unknown,
  blocks: readonly Feature<Geometry, BlockProperties>[],
): Violation[] {
  const parsed = IncidentSeedFileSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return [
      { rule: 'incident_schema', feature: `incidents.${issue.path.join('.')}`, message: issue.message },
    ];
  }
  const byId = new Map(blocks.map((b) => [b.properties.id, b]));
  const out: Violation[] = [];
  const ids = new Set<string>();
  for (const r of parsed.data.incidents) {
    if (ids.has(r.id)) out.push({ rule: 'unique_id', feature: r.id, message: 'incident id is used twice' });
    ids.add(r.id);
    for (const p of lifecycleProblems(r, parsed.data.reference_date))
      out.push({ rule: 'incident_lifecycle', feature: r.id, message: p });
    const block = byId.get(r.block_id);
    if (!block) {
      out.push({ rule: 'reference', feature: r.id, message: `block ${r.block_id} does not exist` });
    } else if (!pointInPolygon([r.lon, r.lat], block.geometry as Polygon | MultiPolygon)) {
      out.push({
        rule: 'incident_in_block',
        feature: r.id,
        message: `point is not inside block ${r.block_id}`,
        numbers: { lon: r.lon, lat: r.lat },
      });
    } else if (
      block.properties.community_code !== r.community_code ||
      block.properties.township_code !== r.township_code
    ) {
      out.push({
        rule: 'reference',
        feature: r.id,
        message: `community/township codes differ from block ${r.block_id}`,
      });
    }
  }
  return out;
}

/**
 * Shifts every timestamp by the whole seconds between the reference date and `now`, so the newest
 * incident falls on the day of loading and 7-day windows and overdue queues are never stale.
 */
export function shiftIncidentSeed(file: IncidentSeedFile, now: Date): IncidentSeed[] {
  const offset = Math.floor((now.getTime() - Date.parse(file.reference_date)) / 1000) * 1000;
  const shift = (t: string | undefined) =>
    t === undefined ? undefined : new Date(Date.parse(t) + offset).toISOString().replace('.000Z', 'Z');
  return file.incidents.map((r) => {
    const out: IncidentSeed = { ...r, reported_at: shift(r.reported_at)! };
    for (const stage of ['accepted_at', 'started_at', 'resolved_at', 'closed_at'] as const) {
      if (r[stage] !== undefined) out[stage] = shift(r[stage]);
    }
    return out;
  });
}
