// Typed calls to the incident API: the duplicate hint, reporting (idempotent), following and rating by receipt.
import { z } from 'zod';
import type { IncidentCategory } from '../../../core/incidents/categories';
import type { CreateIncident } from '../../../core/incidents/incident';
import { request } from './http';
import { createdIncidentSchema, incidentStatusSchema, nearbySchema } from './schemas';

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

/** The status and public history of one's own report, proven by its receipt. */
export const getIncidentStatus = (id: string, receipt: string, signal?: AbortSignal) =>
  request(
    `/api/incidents/${encodeURIComponent(id)}?receipt=${encodeURIComponent(receipt)}`,
    incidentStatusSchema,
    { signal },
  );

/** Rates a resolved report (1–5), which closes it. */
export const rateIncident = (id: string, receipt: string, rating: number) =>
  request(`/api/incidents/${encodeURIComponent(id)}/transitions`, z.looseObject({}), {
    method: 'POST',
    body: { action: 'rate', rating, receipt },
  });

/** A random UUID v4, also where crypto.randomUUID is missing (older WebViews, plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
