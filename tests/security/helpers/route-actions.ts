// Which action each documented operation performs, and a minimal request for it: the expected side
// of the route × role matrix (permissions.test.ts checks every cell against PERMISSIONS).
import type { Action } from '../../../core/auth/permissions.js';
import { BAISHI, type Caller } from './http.js';

export interface Ctx {
  incidentId: string;
  blockId: string;
}
interface Sample {
  params?: Record<string, string>;
  query?: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}
const json = (body: unknown): Pick<Sample, 'body' | 'contentType'> => ({
  body: JSON.stringify(body),
  contentType: 'application/json',
});
const form = (body: string): Pick<Sample, 'body' | 'contentType'> => ({
  body,
  contentType: 'application/x-www-form-urlencoded',
});

/**
 * Which action each documented operation performs (the `requires(...)` of its route; `null` = no guard,
 * open to everyone) and a minimal request that passes validation or fails it only *after* the guard.
 * Requests to routes with scope checks in the handler (transitions, upload tokens) are deliberately
 * invalid, so what the matrix sees is the guard's decision; the scope checks are tested in permissions.test.ts.
 * A new route must be added here — the first test fails until it is.
 */
export const ROUTE_ACTIONS: Record<
  string,
  { action: Action | null; sample: (ctx: Ctx, caller: Caller) => Sample }
> = {
  'GET /api/health': { action: null, sample: () => ({}) },
  'GET /api/locate': {
    action: 'locate:read',
    sample: () => ({ query: `lon=${BAISHI.lon}&lat=${BAISHI.lat}` }),
  },
  'POST /api/locate': { action: 'locate:read', sample: () => json({ points: [[BAISHI.lon, BAISHI.lat]] }) },
  'GET /api/blocks': { action: 'boundaries:read', sample: () => ({}) },
  'GET /api/blocks.topojson': { action: 'boundaries:read', sample: () => ({}) },
  'GET /api/communities': { action: 'boundaries:read', sample: () => ({}) },
  'GET /api/townships': { action: 'boundaries:read', sample: () => ({}) },
  'GET /api/blocks/{id}': { action: 'boundaries:read', sample: (c) => ({ params: { id: c.blockId } }) },
  'GET /api/assets': { action: 'boundaries:read', sample: () => ({ query: 'kind=park' }) },
  'GET /api/generations/current': { action: 'boundaries:read', sample: () => ({}) },
  // Planner routes: invalid bodies or a generation that is no draft, so nothing is created or published.
  'POST /api/generations': { action: 'generations:edit', sample: () => json({ note: 42 }) },
  'GET /api/generations': { action: 'generations:read', sample: () => ({}) },
  'GET /api/generations/{g}': { action: 'generations:read', sample: () => ({ params: { g: '1' } }) },
  'POST /api/generations/{g}/edits': {
    action: 'generations:edit',
    sample: () => ({ params: { g: '999' }, ...json({ op: 'not-an-op' }), headers: { 'If-Match': '"1"' } }),
  },
  'GET /api/generations/{g}/diff': { action: 'generations:read', sample: () => ({ params: { g: '999' } }) },
  'GET /api/generations/{g}/assignments': {
    action: 'generations:read',
    sample: () => ({ params: { g: '999' } }),
  },
  'POST /api/generations/{g}/publish': {
    action: 'generations:publish',
    sample: () => ({ params: { g: '999' }, headers: { 'If-Match': '"1"' } }),
  },
  'DELETE /api/generations/{g}': { action: 'generations:edit', sample: () => ({ params: { g: '999' } }) },
  'GET /api/tiles/{layer}/{generation}/{z}/{x}/{file}': {
    action: 'boundaries:read',
    sample: () => ({ params: { layer: 'blocks', generation: '1', z: '14', x: '13329', file: '6871.mvt' } }),
  },
  'POST /api/incidents': {
    action: 'incidents:create',
    sample: (_, caller) => ({
      ...json({ ...BAISHI, category: 'noise', description: '权限矩阵测试' }),
      headers: { 'Idempotency-Key': `matrix-${caller}-0001` },
    }),
  },
  'GET /api/incidents/nearby': {
    action: 'incidents:read-public',
    sample: () => ({ query: `lon=${BAISHI.lon}&lat=${BAISHI.lat}&category=noise` }),
  },
  'GET /api/incidents': { action: 'incidents:read-public', sample: () => ({ query: 'limit=5' }) },
  'GET /api/incidents/{id}': {
    action: 'incidents:read-public',
    sample: (c) => ({ params: { id: c.incidentId } }),
  },
  'GET /api/incidents/{id}/events': {
    action: 'incidents:read-public',
    sample: (c) => ({ params: { id: c.incidentId } }),
  },
  'POST /api/incidents/{id}/transitions': {
    action: 'incidents:transition',
    sample: (c) => ({
      params: { id: c.incidentId },
      ...json({ action: 'not-an-action' }),
      headers: { 'If-Match': '"1"' },
    }),
  },
  'GET /api/hotspots': { action: 'hotspots:read', sample: () => ({ query: 'window=7d' }) },
  'GET /api/hotspots/hex': { action: 'hotspots:read', sample: () => ({ query: 'window=7d' }) },
  'GET /api/overdue': { action: 'hotspots:read', sample: () => ({}) },
  'POST /api/uploads': {
    action: 'uploads:create',
    sample: () => json({ content_type: 'image/jpeg', size: 1000 }),
  },
  'POST /api/uploads/local/{token}': {
    action: 'uploads:create',
    sample: () => ({ params: { token: 'short' }, body: 'x', contentType: 'image/jpeg' }),
  },
  'POST /api/uploads/commit': { action: 'uploads:create', sample: () => json({ key: 'not-a-key' }) },
  'GET /api/photos/{year}/{month}/{file}': {
    action: 'incidents:read-public',
    sample: () => ({ params: { year: '2026', month: '11', file: 'doesnotexist01.jpg' } }),
  },
  'GET /api/notifications': { action: 'incidents:read-full', sample: () => ({}) },
  'GET /api/notifications/stream': { action: 'incidents:read-full', sample: () => ({}) },
  'GET /open311/v2/services.json': { action: null, sample: () => ({}) },
  'GET /open311/v2/services.xml': { action: null, sample: () => ({}) },
  'GET /open311/v2/services/{service_code}.{format}': {
    action: null,
    sample: () => ({ params: { service_code: 'noise', format: 'json' } }),
  },
  'GET /open311/v2/requests.json': { action: 'incidents:read-public', sample: () => ({}) },
  'GET /open311/v2/requests.xml': { action: 'incidents:read-public', sample: () => ({}) },
  'POST /open311/v2/requests.json': { action: 'incidents:create', sample: () => form('api_key=matrix') },
  'POST /open311/v2/requests.xml': { action: 'incidents:create', sample: () => form('api_key=matrix') },
  'GET /open311/v2/requests/{service_request_id}.{format}': {
    action: 'incidents:read-public',
    sample: (c) => ({ params: { service_request_id: c.incidentId, format: 'json' } }),
  },
  'GET /open311/v2/tokens/{token}.{format}': {
    action: 'incidents:read-public',
    sample: () => ({ params: { token: 'AAAAAAAAAAAAAAAAAAAAAAAA', format: 'xml' } }),
  },
  'POST /api/dev/tokens': { action: null, sample: () => json({ role: 'resident' }) },
};
