// GET /api/tiles/:layer/:generation/:z/:x/:y.mvt — immutable vector tiles of one generation.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { TILE_LAYERS, TILE_MAX_ZOOM } from '../services/tiles.js';
import { errors } from './schemas.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

const route = createRoute({
  method: 'get',
  path: '/tiles/{layer}/{generation}/{z}/{x}/{file}',
  tags: ['boundaries'],
  summary: 'Mapbox Vector Tile of blocks, communities or townships (`{y}.mvt`)',
  middleware: [requires('boundaries:read')] as const,
  request: {
    params: z
      .object({
        layer: z.enum(TILE_LAYERS, { message: `layer must be one of ${TILE_LAYERS.join(', ')}` }),
        generation: z.coerce.number().int().positive(),
        z: z.coerce
          .number()
          .int()
          .min(0)
          .max(TILE_MAX_ZOOM + 6, `z must be 0..${TILE_MAX_ZOOM + 6}`),
        x: z.coerce.number().int().min(0),
        file: z.string().regex(/^\d+\.mvt$/, 'the last segment must be {y}.mvt'),
      })
      .refine((p) => p.x < 2 ** p.z && Number.parseInt(p.file, 10) < 2 ** p.z, {
        message: 'x and y must be below 2^z',
      }),
  },
  responses: {
    200: {
      description: 'The tile (layer name = the layer)',
      content: { 'application/vnd.mapbox-vector-tile': { schema: z.string().meta({ format: 'binary' }) } },
    },
    204: { description: 'No feature in this tile' },
    400: errors[400],
    404: errors[404],
  },
});

export const tileRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  route,
  async (c) => {
    const p = c.req.valid('param');
    const loaded = await c.get('services').boundaries.get(p.generation);
    const y = Number.parseInt(p.file, 10);
    // Past the cut zoom, clients overzoom; serve the ancestor's content clipped by geojson-vt on demand.
    const tile = loaded.tiles.tile(p.layer, p.z, p.x, y);
    c.header('Cache-Control', IMMUTABLE);
    if (!tile) return c.body(null, 204) as never;
    return c.body(tile as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.mapbox-vector-tile',
    }) as never;
  },
);
