// POST /api/incidents/:id/transitions — one lifecycle action, guarded by If-Match (optimistic concurrency).
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { transitionRequestSchema } from '../../core/incidents/incident.js';
import { allowedActions } from '../../core/incidents/lifecycle.js';
import { incidentView } from '../../core/incidents/views.js';
import { ForbiddenError, requires, UnauthenticatedError } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { eventViewSchema, incidentViewSchema } from './incident-schemas.js';
import { errors } from './schemas.js';

/** Parses If-Match: `3`, `"3"` or `W/"3"` → 3. */
export function parseIfMatch(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!m) {
    throw new DomainError(
      'INVALID_IF_MATCH',
      'If-Match must be the incident version, e.g. If-Match: "3" (see its ETag)',
      400,
    );
  }
  return Number(m[1]);
}

const route = createRoute({
  method: 'post',
  path: '/incidents/{id}/transitions',
  tags: ['incidents'],
  summary: 'Accept, assign, escalate, start, resolve, reject, reopen, rate or close an incident',
  description:
    'Send `If-Match: "<version>"` (the ETag of GET /api/incidents/{id}). Residents act with their receipt. See docs/lifecycle.md.',
  middleware: [requires('incidents:transition')] as const,
  request: {
    params: z.object({ id: z.string().min(1).max(40) }),
    headers: z.object({ 'if-match': z.string().optional() }),
    body: { required: true, content: { 'application/json': { schema: transitionRequestSchema } } },
  },
  responses: {
    200: {
      description: 'The incident after the action, and the event recorded',
      content: {
        'application/json': { schema: z.object({ incident: incidentViewSchema, event: eventViewSchema }) },
      },
    },
    400: errors[400],
    401: errors[401],
    403: errors[403],
    404: errors[404],
    412: errors[412],
    422: errors[422],
    428: { description: 'If-Match missing', content: errors[400].content },
  },
});

export const transitionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  route,
  async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const version = parseIfMatch(c.req.header('If-Match'));
    if (version === undefined) {
      throw new DomainError(
        'PRECONDITION_REQUIRED',
        'send If-Match with the version you read (the ETag of GET /api/incidents/{id})',
        428,
      );
    }
    const { incidents } = c.get('services');
    const principal = c.get('principal');
    const incident = await incidents.get(id);
    const receipt = body.receipt ?? c.req.header('X-Receipt');
    const actors = await incidents.capacities(incident, principal, receipt);
    if (actors.length === 0) {
      if (principal.anonymous)
        throw new UnauthenticatedError('sign in, or send the receipt of your report to act on it');
      throw new ForbiddenError(
        principal.role === 'cadre'
          ? `you are not assigned to block ${incident.block_id}, so you cannot act on its incidents`
          : `your ${principal.role} scope does not include this incident`,
        { block_id: incident.block_id, township_code: incident.township_code },
      );
    }
    const party = {
      id: principal.anonymous ? 'anonymous' : principal.id,
      role: actors.includes('reporter') && principal.anonymous ? 'resident' : principal.role,
      actors,
    };
    const { incident: after, event } = await incidents.act(incident, body, party, version);
    const audience = incidents.audience(actors, after, principal);
    if (audience === 'staff_contact') await incidents.auditContact([after], principal);
    c.header('ETag', `"${after.version}"`);
    return c.json(
      {
        incident: {
          ...incidentView(after, audience),
          allowed_actions: allowedActions(after.status, actors),
        },
        event: {
          seq: event.seq,
          action: event.action,
          at: event.at,
          from: event.from,
          to: event.to,
          note: event.note ?? null,
        },
      },
      200,
    );
  },
);
