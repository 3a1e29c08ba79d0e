// GET /api/assets — mapped facilities (paths, parks, canteens, meal points, schools, gig stations, service centres).
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { ASSET_KINDS } from '../../core/geography/schemas.js';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { errors } from './schemas.js';

const route = createRoute({
  method: 'get',
  path: '/assets',
  tags: ['assets'],
  summary: 'Assets as a GeoJSON FeatureCollection, optionally of some kinds',
  middleware: [requires('boundaries:read')] as const,
  request: {
    query: z.object({
      kind: z
        .string()
        .optional()
        .meta({
          description: `comma-separated kinds: ${ASSET_KINDS.join(', ')}`,
          example: 'health_path,park',
        }),
      block: z
        .string()
        .optional()
        .meta({ description: 'only assets of this block (as recorded in the data)' }),
    }),
  },
  responses: {
    200: {
      description: 'Assets',
      content: {
        'application/geo+json': {
          schema: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) }),
        },
      },
    },
    400: errors[400],
    503: errors[503],
  },
});

export const assetRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  route,
  async (c) => {
    const q = c.req.valid('query');
    const kinds = q.kind
      ?.split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    const unknown = kinds?.filter((k) => !(ASSET_KINDS as readonly string[]).includes(k)) ?? [];
    if (unknown.length) {
      throw new ValidationError(`unknown asset kind ${unknown.join(', ')}; use ${ASSET_KINDS.join(', ')}`, {
        kind: unknown,
      });
    }
    const assets = await c.get('services').reference.assets();
    const features = assets.filter(
      (a) => (!kinds || kinds.includes(a.properties.kind)) && (!q.block || a.properties.block_id === q.block),
    );
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(JSON.stringify({ type: 'FeatureCollection', features }), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
    }) as never;
  },
);
