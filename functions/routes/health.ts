// GET /api/health: is the store reachable, which boundary generation is loaded.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    env: z.string(),
    store: z.object({
      reachable: z.boolean(),
      latency_ms: z.number(),
      table: z.string(),
      schema_version: z.number().optional(),
      error: z.string().optional(),
    }),
    generation: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'current boundary generation, null before seeding' }),
  })
  .meta({ id: 'Health' });

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['operations'],
  summary: 'Liveness and store reachability',
  responses: {
    200: {
      description: 'The service and its store are up',
      content: { 'application/json': { schema: healthSchema } },
    },
    503: {
      description: 'The store cannot be reached; the body says why',
      content: { 'application/json': { schema: healthSchema } },
    },
  },
});

export const healthRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  route,
  async (c) => {
    const { health, config } = c.get('services');
    const result = await health.check();
    const body = {
      status: result.store.reachable ? ('ok' as const) : ('degraded' as const),
      version: process.env.npm_package_version ?? '0.1.0',
      env: config.APP_ENV,
      ...result,
    };
    if (!result.store.reachable) c.header('Retry-After', '5');
    return c.json(body, result.store.reachable ? 200 : 503);
  },
);
