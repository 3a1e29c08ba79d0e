// Incident timing: when reports come in, and how each one moves through the closed loop up to the reference date.
import type { IncidentSeed } from '../../core/geography/incident-seed';
import { INCIDENT_CLASS_INFO, type IncidentClass } from '../../core/incidents/categories';
import { REJECT_REASONS } from './incident-text';
import type { Random } from './random';

/** Fixed reference date: the file stays byte-stable; loaders shift timestamps by (now − reference). */
export const REFERENCE_DATE = '2025-01-01T00:00:00Z';
export const INCIDENT_COUNT = 20_000;
export const REF = Date.parse(REFERENCE_DATE);
export const DAY = 86_400_000;
export const MIN = 60_000;
/** Typhoon storm (the seeds' late-July typhoon, cf. 格美 2024): rain from 27 July 18:00 China time. */
export const STORM = Date.parse('2024-07-27T10:00:00Z');

/** ISO-8601 UTC without milliseconds. */
export const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A report time in the 12 months before the reference date: growing use, quieter weekends and nights. */
export function backgroundTime(random: Random): number {
  for (;;) {
    const day = random.int(0, 364);
    const t = REF - (day + 1) * DAY;
    const weekday = new Date(t).getUTCDay();
    const keep = (0.65 + (0.35 * (364 - day)) / 364) * (weekday === 0 || weekday === 6 ? 0.8 : 1);
    if (random.chance(keep)) {
      const hour = random.weighted([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], (h) =>
        h < 14 ? 1 : 0.25,
      );
      return t + hour * 3_600_000 + random.int(0, 3599) * 1000;
    }
  }
}

/** The life of one incident up to the reference date: class-dependent delays, some past their SLA. */
export function lifecycle(r: IncidentSeed, cls: IncidentClass, reported: number, random: Random): void {
  const sla = INCIDENT_CLASS_INFO[cls];
  if (random.chance(0.03)) {
    r.status = 'rejected';
    r.reject_reason = random.pick(REJECT_REASONS);
    return;
  }
  const late = (limit: number, p: number) =>
    random.chance(p) ? limit * random.range(1.05, 2.5) : limit * random.range(0.05, 0.7);
  let accepted = reported + Math.round(late(sla.respondMinutes, 0.07)) * MIN;
  let started = accepted + Math.round(random.range(5, cls === 'A' || cls === 'D' ? 60 : 600)) * MIN;
  let resolved = Math.max(started + 10 * MIN, reported + Math.round(late(sla.resolveMinutes, 0.06)) * MIN);
  const rated = random.chance(0.75);
  let closed = resolved + Math.round(rated ? random.range(20, 2 * 24 * 60) : 3 * 24 * 60) * MIN;
  // A backlog: recent reports are often still waiting somewhere, and the older of those are overdue.
  const ageDays = (REF - reported) / DAY;
  if (cls !== 'D' && ageDays < 21 && random.chance(0.6 * (1 - ageDays / 21))) {
    const stuck = random.weighted([0, 1, 2, 3], (k) => [2, 3, 4, 2][k]);
    if (stuck <= 0) accepted = Number.POSITIVE_INFINITY;
    if (stuck <= 1) started = Number.POSITIVE_INFINITY;
    if (stuck <= 2) resolved = Number.POSITIVE_INFINITY;
    closed = Number.POSITIVE_INFINITY;
  }
  if (accepted > REF) return; // still 'reported'
  r.accepted_at = iso(accepted);
  r.status = cls === 'A' ? 'accepted' : 'escalated';
  if (started > REF) return;
  r.started_at = iso(started);
  r.status = 'in_progress';
  if (resolved > REF) return;
  r.resolved_at = iso(resolved);
  r.status = 'resolved';
  if (REF - resolved < 14 * DAY && random.chance(0.04)) {
    r.status = 'reopened';
    return;
  }
  if (closed > REF) return;
  r.closed_at = iso(closed);
  r.status = 'closed';
  if (rated) r.rating = random.weighted([5, 4, 3, 2, 1], (v) => [0, 2, 3, 10, 25, 60][v]);
}
