// GET requests.{json,xml}: the spec's filters (service_request_id, service_code, start_date, end_date,
// status), its 90-day window, and which incidents answer them.
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../../core/errors.js';
import { INCIDENT_CATEGORY_KEYS } from '../../../core/incidents/categories.js';
import type { Incident } from '../../../core/incidents/incident.js';
import { FINAL_STATES, STATES } from '../../../core/incidents/lifecycle.js';
import type { AppServices } from '../../http/context.js';
import { mergeSources, type Source } from '../../services/incident-queries.js';

/** Most requests one answer holds (the spec's default is 1000; our listings stop at 200). */
export const MAX_REQUESTS = 200;
/** The spec's window: a query spans at most 90 days, and defaults to the most recent 90. */
export const WINDOW_DAYS = 90;
const DAY = 86_400_000;

const commaList = <T extends string>(name: string, check: (v: string) => boolean, hint: string, max = 50) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const parts = [...new Set(raw.split(',').map((p) => p.trim()))].filter(Boolean);
      const bad = parts.filter((p) => !check(p));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `${name} ${bad.join(', ')} unknown; ${hint}` });
      if (parts.length > max) ctx.addIssue({ code: 'custom', message: `at most ${max} values of ${name}` });
      return parts.length ? (parts as T[]) : undefined;
    });

const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A w3c date-time with a time zone (or a bare date, taken as that day in China Standard Time). */
const w3cDate = (edge: 'start' | 'end') =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return undefined;
      // An unencoded "+08:00" arrives as " 08:00": take it as the offset the client meant.
      const value = raw.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
      const day = value.length === 10;
      const ms = Date.parse(day ? `${value}T${edge === 'start' ? '00:00:00' : '23:59:59.999'}+08:00` : value);
      if (!W3C.test(value) || Number.isNaN(ms)) {
        ctx.addIssue({
          code: 'custom',
          message: `use a w3c date-time with a time zone, e.g. 2026-11-01T00:00:00+08:00 or 2026-11-01T00:00:00Z (got ${JSON.stringify(raw)})`,
        });
        return undefined;
      }
      // A time without fractions names a whole second: end_date=…:30 includes …:30.456.
      return edge === 'end' && !day && !value.includes('.') ? ms + 999 : ms;
    });

export const requestsQuery = z.object({
  service_request_id: commaList(
    'service_request_id',
    (v) => /^[A-Za-z0-9_-]{1,40}$/.test(v),
    'ids look like YH20261122-ABCDEFGH',
    MAX_REQUESTS,
  ).meta({ description: 'comma-separated ids; overrides every other filter' }),
  service_code: commaList(
    'service_code',
    (v) => (INCIDENT_CATEGORY_KEYS as readonly string[]).includes(v),
    `use ${INCIDENT_CATEGORY_KEYS.join(', ')}`,
  ).meta({ description: 'comma-separated service codes' }),
  start_date: w3cDate('start').meta({ description: 'earliest requested_datetime (w3c, with a time zone)' }),
  end_date: w3cDate('end').meta({ description: 'latest requested_datetime (w3c, with a time zone)' }),
  status: commaList<'open' | 'closed'>(
    'status',
    (v) => v === 'open' || v === 'closed',
    'use open, closed',
  ).meta({ description: 'open, closed or both (comma-separated)' }),
  jurisdiction_id: z.string().max(100).optional().meta({ description: 'accepted and ignored' }),
});
export type RequestsQuery = z.infer<typeof requestsQuery>;

/** The query string with repeated parameters joined by commas (the spec allows both forms). */
export function rawQuery(queries: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(queries).map(([k, v]) => [k, v.join(',')]));
}

/** [since, until] as ISO instants: the spec's defaults, and a 400 for a range over 90 days. */
export function dateWindow(q: RequestsQuery, now: Date): { since: string; until: string } {
  const span = WINDOW_DAYS * DAY;
  let start = q.start_date;
  let end = q.end_date;
  if (start === undefined && end === undefined) end = now.getTime();
  if (start === undefined) start = end! - span;
  if (end === undefined) end = start + span;
  if (start > end) {
    throw new ValidationError('start_date is after end_date', {
      start_date: new Date(start).toISOString(),
      end_date: new Date(end).toISOString(),
    });
  }
  if (end - start > span + 999) {
    throw new ValidationError(
      `start_date to end_date spans more than ${WINDOW_DAYS} days; ask for several shorter ranges`,
      { max_days: WINDOW_DAYS },
      'DATE_RANGE_TOO_LONG',
    );
  }
  return { since: new Date(start).toISOString(), until: new Date(end).toISOString() };
}

const OPEN_STATES = STATES.filter((s) => !FINAL_STATES.includes(s));

/** Newest first, at most MAX_REQUESTS: by id when ids are given, otherwise every township in the window. */
export async function findRequests(services: AppServices, q: RequestsQuery, now: Date): Promise<Incident[]> {
  const { incidents, boundaries } = services;
  if (q.service_request_id) {
    const found = await Promise.all(
      q.service_request_id.map((id) =>
        incidents.get(id).catch((err) => {
          if (err instanceof NotFoundError) return null; // ids that do not exist are left out
          throw err;
        }),
      ),
    );
    return found.filter((i): i is Incident => i !== null);
  }
  const range = dateWindow(q, now);
  const store = incidents.store;
  const loaded = await boundaries.get();
  const sources: Source[] = [...loaded.townships.keys()].sort().map((code) => ({
    read: (cursor, limit) => store.listByTownship(code, { ...range, limit, cursor }),
    resumeAfter: (i) => store.cursorAfter('township', i),
  }));
  const status = q.status?.length === 1 ? (q.status[0] === 'open' ? OPEN_STATES : FINAL_STATES) : undefined;
  const page = await mergeSources(sources, { status, category: q.service_code }, MAX_REQUESTS);
  return page.items;
}
