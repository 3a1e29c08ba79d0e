// Residents report, everyone follows: POST /api/incidents (idempotent), the duplicate hint, lists, one incident, its events.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { checkLonLat, parseCoordinate } from '../../core/geo/coordinates.js';
import { toWgs84 } from '../../core/geo/crs.js';
import { createIncidentSchema } from '../../core/incidents/incident.js';
import { allowedActions } from '../../core/incidents/lifecycle.js';
import { eventView, incidentView } from '../../core/incidents/views.js';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { nearbyOpen } from '../services/incident-queries.js';
import { listIncidents, listQuerySchema } from './incident-list.js';
import { createdSchema, eventViewSchema, incidentViewSchema, nearbySchema } from './incident-schemas.js';
import { crsSchema, errors } from './schemas.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

const receiptQuery = z.object({
  receipt: z
    .string()
    .min(16)
    .max(64)
    .optional()
    .meta({ description: 'the receipt from the report (or header X-Receipt)' }),
});

const routes = {
  create: createRoute({
    method: 'post',
    path: '/incidents',
    tags: ['incidents'],
    summary:
      'Report a problem at a point (anonymous allowed); retries with the same Idempotency-Key are safe',
    middleware: [requires('incidents:create')] as const,
    request: {
      headers: z.object({
        'idempotency-key': z.string().optional().meta({ description: '8–128 of A-Z a-z 0-9 _ . : -' }),
      }),
      body: { required: true, content: { 'application/json': { schema: createIncidentSchema } } },
    },
    responses: {
      201: {
        description: 'Reported (or the same report again, header Idempotent-Replayed: true)',
        content: { 'application/json': { schema: createdSchema } },
      },
      400: errors[400],
      413: errors[413],
      422: errors[422],
      503: errors[503],
    },
  }),
  nearby: createRoute({
    method: 'get',
    path: '/incidents/nearby',
    tags: ['incidents'],
    summary:
      'Open reports of a category within 50 m in the last 7 days (the duplicate hint before reporting)',
    middleware: [requires('incidents:read-public')] as const,
    request: {
      query: z.object({
        lon: z.string().optional(),
        lat: z.string().optional(),
        crs: crsSchema,
        category: createIncidentSchema.shape.category,
      }),
    },
    responses: {
      200: { description: 'Nearby open reports', content: { 'application/json': { schema: nearbySchema } } },
      400: errors[400],
      503: errors[503],
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/incidents',
    tags: ['incidents'],
    summary: 'List incidents (newest first; work queues with assignee=me, department=, overdue=true)',
    middleware: [requires('incidents:read-public')] as const,
    request: { query: listQuerySchema },
    responses: {
      200: {
        description: 'A page of incidents, redacted for the caller',
        content: {
          'application/json': {
            schema: z.object({ incidents: z.array(incidentViewSchema), cursor: z.string().nullable() }),
          },
        },
      },
      400: errors[400],
      401: errors[401],
      403: errors[403],
      503: errors[503],
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/incidents/{id}',
    tags: ['incidents'],
    summary:
      'One incident, as much as the caller may see (receipt, role), with the actions open to the caller',
    middleware: [requires('incidents:read-public')] as const,
    request: { params: z.object({ id: z.string().min(1).max(40) }), query: receiptQuery },
    responses: {
      200: {
        description: 'The incident; ETag is its version',
        content: { 'application/json': { schema: incidentViewSchema } },
      },
      404: errors[404],
    },
  }),
  events: createRoute({
    method: 'get',
    path: '/incidents/{id}/events',
    tags: ['incidents'],
    summary: 'The audit trail (internal notes only for staff)',
    middleware: [requires('incidents:read-public')] as const,
    request: { params: z.object({ id: z.string().min(1).max(40) }), query: receiptQuery },
    responses: {
      200: {
        description: 'Events, oldest first',
        content: { 'application/json': { schema: z.object({ events: z.array(eventViewSchema) }) } },
      },
      404: errors[404],
    },
  }),
};

export const incidentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(routes.create, async (c) => {
    const key = c.req.header('Idempotency-Key');
    if (!key || !IDEMPOTENCY_KEY.test(key)) {
      throw new ValidationError(
        'send an Idempotency-Key header (8–128 letters, digits, _ . : -), e.g. a UUID, and reuse it when you retry this report',
        { header: 'Idempotency-Key' },
        'IDEMPOTENCY_KEY_REQUIRED',
      );
    }
    const body = c.req.valid('json');
    const { incidents, boundaries } = c.get('services');
    const saved = await incidents.report(body, c.get('principal'), key);
    const loaded = await boundaries.get(saved.incident.generation);
    const i = saved.incident;
    const nearby = await nearbyOpen(
      incidents.store,
      loaded,
      { lon: i.lon, lat: i.lat, category: i.category },
      new Date(),
    );
    const block = loaded.blocks.get(i.block_id)?.properties;
    if (saved.replayed) c.header('Idempotent-Replayed', 'true');
    c.header('Location', `/api/incidents/${i.id}`);
    return c.json(
      {
        id: i.id,
        receipt: saved.receipt,
        block: { id: i.block_id, name: i.block_name },
        community: { code: i.community_code, name: block?.community_name ?? '' },
        township: { code: i.township_code, name: block?.township_name ?? '' },
        generation: i.generation,
        class: i.class,
        status: i.status,
        sla: { respond_by: i.respond_by, resolve_by: i.resolve_by },
        nearby_open: nearby
          .filter((n) => n.id !== i.id)
          .map((n) => ({
            id: n.id,
            category: n.category,
            status: n.status,
            reported_at: n.reported_at,
            distance_m: n.distance_m,
            block: { id: n.block_id, name: n.block_name },
          })),
      },
      201,
    );
  })
  .openapi(routes.nearby, async (c) => {
    const q = c.req.valid('query');
    const { incidents, boundaries } = c.get('services');
    const loaded = await boundaries.get();
    const lon = parseCoordinate(q.lon);
    const lat = parseCoordinate(q.lat);
    checkLonLat(lon, lat, q.crs, loaded.locator);
    const [x, y] = toWgs84(lon, lat, q.crs);
    const found = await nearbyOpen(
      incidents.store,
      loaded,
      { lon: x, lat: y, category: q.category },
      new Date(),
    );
    return c.json(
      {
        incidents: found.map((n) => ({
          id: n.id,
          category: n.category,
          status: n.status,
          reported_at: n.reported_at,
          distance_m: n.distance_m,
          block: { id: n.block_id, name: n.block_name },
        })),
      },
      200,
    );
  })
  .openapi(routes.list, async (c) => c.json(await listIncidents(c, c.req.valid('query')), 200))
  .openapi(routes.get, async (c) => {
    const { id } = c.req.valid('param');
    const receipt = c.req.valid('query').receipt ?? c.req.header('X-Receipt');
    const { incidents } = c.get('services');
    const principal = c.get('principal');
    const incident = await incidents.get(id);
    const actors = await incidents.capacities(incident, principal, receipt);
    const audience = incidents.audience(actors, incident, principal);
    if (audience === 'staff_contact') await incidents.auditContact([incident], principal);
    c.header('ETag', `"${incident.version}"`);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      { ...incidentView(incident, audience), allowed_actions: allowedActions(incident.status, actors) },
      200,
    );
  })
  .openapi(routes.events, async (c) => {
    const { id } = c.req.valid('param');
    const receipt = c.req.valid('query').receipt ?? c.req.header('X-Receipt');
    const { incidents } = c.get('services');
    const incident = await incidents.get(id);
    const principal = c.get('principal');
    const audience = incidents.audience(
      await incidents.capacities(incident, principal, receipt),
      incident,
      principal,
    );
    c.header('Cache-Control', 'private, no-store');
    return c.json({ events: eventView(await incidents.store.events(id), audience) }, 200);
  });
