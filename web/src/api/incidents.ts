// Typed calls to the incident API: the duplicate hint, reporting (idempotent), reading one incident and its
// history (by receipt or staff token), and lifecycle transitions guarded by If-Match.
import type { IncidentCategory } from '../../../core/incidents/categories';
import type { CreateIncident, TransitionRequest } from '../../../core/incidents/incident';
import { ApiError, request, requestFull } from './http';
import {
  createdIncidentSchema,
  type IncidentView,
  incidentEventsSchema,
  incidentViewSchema,
  nearbySchema,
  transitionResultSchema,
} from './schemas';

/** Open reports of the same category within 50 m in the last 7 days. */
export const getNearbyIncidents = (
  lon: number,
  lat: number,
  category: IncidentCategory,
  signal?: AbortSignal,
) =>
  request(
    `/api/incidents/nearby?lon=${lon.toFixed(6)}&lat=${lat.toFixed(6)}&category=${category}`,
    nearbySchema,
    { signal },
  );

/**
 * Sends a report. The caller keeps `idempotencyKey` for every retry of the same report, so a retry after a
 * lost answer returns the first report instead of filing a second one.
 */
export const createIncident = (
  body: Partial<CreateIncident> & Pick<CreateIncident, 'lon' | 'lat' | 'category' | 'description'>,
  idempotencyKey: string,
) =>
  request('/api/incidents', createdIncidentSchema, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

const receiptQuery = (receipt?: string) => (receipt ? `?receipt=${encodeURIComponent(receipt)}` : '');

/** An incident read for acting on it: the view and its version (the ETag every transition must match). */
export interface LoadedIncident {
  incident: IncidentView;
  version: number | null;
}

const versionOf = (etag: string | null, incident: IncidentView): number | null => {
  const m = etag ? /(\d+)/.exec(etag) : null;
  return m ? Number(m[1]) : (incident.version ?? null);
};

/** One incident as the caller may see it: a resident proves it is theirs with the receipt, staff by token. */
export async function getIncident(
  id: string,
  receipt?: string,
  signal?: AbortSignal,
): Promise<LoadedIncident> {
  const { body, headers } = await requestFull(
    `/api/incidents/${encodeURIComponent(id)}${receiptQuery(receipt)}`,
    incidentViewSchema,
    { signal },
  );
  return { incident: body, version: versionOf(headers.get('ETag'), body) };
}

/** The audit trail (public notes for the reporter; internal notes too for staff), oldest first. */
export const getIncidentEvents = (id: string, receipt?: string, signal?: AbortSignal) =>
  request(`/api/incidents/${encodeURIComponent(id)}/events${receiptQuery(receipt)}`, incidentEventsSchema, {
    signal,
  });

export type TransitionBody = Omit<TransitionRequest, 'internal'> & { internal?: boolean };

/** One lifecycle action at the version the caller read; 412 VERSION_CONFLICT when someone acted first. */
export async function transition(id: string, version: number | null, body: TransitionBody) {
  const { body: result, headers } = await requestFull(
    `/api/incidents/${encodeURIComponent(id)}/transitions`,
    transitionResultSchema,
    { method: 'POST', body, headers: { 'If-Match': `"${version ?? 0}"` } },
  );
  return { ...result, version: versionOf(headers.get('ETag'), result.incident) };
}

/**
 * Acts with the version last read; on 412 (someone changed it meanwhile) reloads once and, if the action is
 * still open to the caller, retries with the new version. Other errors (and a second 412) are thrown.
 */
export async function transitionWithRetry(
  loaded: LoadedIncident,
  body: TransitionBody,
  receipt?: string,
): Promise<Awaited<ReturnType<typeof transition>>> {
  try {
    return await transition(loaded.incident.id, loaded.version, body);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 412) throw err;
    const fresh = await getIncident(loaded.incident.id, receipt);
    if (fresh.incident.allowed_actions && !fresh.incident.allowed_actions.includes(body.action)) throw err;
    return transition(fresh.incident.id, fresh.version, body);
  }
}

/** A random UUID v4, also where crypto.randomUUID is missing (older WebViews, plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
