// POST /api/dev/tokens: hands out signed tokens for local development only (never mounted in the cloud).
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { roleSchema } from '../../core/auth/principal.js';
import { issueToken } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { errorBodySchema } from '../http/errors.js';
import { validationHook } from '../http/validation.js';

const requestSchema = z
  .object({
    role: roleSchema,
    sub: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'user id; for cadres the cadre id (e.g. C00001)' }),
    name: z.string().max(64).optional(),
    township: z
      .string()
      .regex(/^\d{9}$/, 'a 9-digit township code')
      .optional(),
    department: z.string().min(1).max(40).optional(),
    ttl_s: z
      .number()
      .int()
      .min(60)
      .max(7 * 86400)
      .default(12 * 3600),
  })
  .meta({ id: 'DevTokenRequest' });

const route = createRoute({
  method: 'post',
  path: '/dev/tokens',
  tags: ['development'],
  summary: 'Issue a local token for a role (development and test only)',
  request: { body: { content: { 'application/json': { schema: requestSchema } }, required: true } },
  responses: {
    201: {
      description: 'A signed token',
      content: {
        'application/json': {
          schema: z.object({ token: z.string(), role: roleSchema, sub: z.string(), expires_in: z.number() }),
        },
      },
    },
    400: { description: 'Invalid request', content: { 'application/json': { schema: errorBodySchema } } },
  },
});

export const devTokenRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  route,
  async (c) => {
    const body = c.req.valid('json');
    const sub = body.sub ?? `dev-${body.role}`;
    const token = await issueToken(
      c.get('services').config,
      { sub, role: body.role, name: body.name, township: body.township, department: body.department },
      body.ttl_s,
    );
    return c.json({ token, role: body.role, sub, expires_in: body.ttl_s }, 201);
  },
);
