// Boundary generations: which one is current (clients put it in tile URLs), and their metadata.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { errors } from './schemas.js';

const currentRoute = createRoute({
  method: 'get',
  path: '/generations/current',
  tags: ['boundaries'],
  summary: 'The current boundary generation',
  middleware: [requires('boundaries:read')] as const,
  responses: {
    200: {
      description: 'Generation number and when it was published',
      content: {
        'application/json': {
          schema: z.object({
            generation: z.number().int(),
            published_at: z.string().nullable(),
            block_count: z.number().int(),
          }),
        },
      },
    },
    503: errors[503],
  },
});

export const generationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  currentRoute,
  async (c) => {
    const boundaries = c.get('services').boundaries;
    const g = await boundaries.currentGeneration();
    if (g === null)
      throw new DomainError(
        'NO_BOUNDARIES',
        'no boundary generation has been loaded yet; seed the data first',
        503,
      );
    const { meta } = await boundaries.get(g);
    c.header('Cache-Control', 'public, max-age=15');
    return c.json(
      { generation: meta.generation, published_at: meta.published_at, block_count: meta.block_count },
      200,
    );
  },
);
