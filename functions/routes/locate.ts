// GET/POST /api/locate: which block, community and township contain a point (or many points).
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { checkLonLat, parseCoordinate } from '../../core/geo/coordinates.js';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { locationOf, outsideError } from '../services/locate.js';
import { crsSchema, errors, generationParam, locationSchema } from './schemas.js';

/** Most points one POST /api/locate may carry. */
export const MAX_BATCH_POINTS = 10_000;

const getRoute = createRoute({
  method: 'get',
  path: '/locate',
  tags: ['locate'],
  summary: 'The block containing a point',
  middleware: [requires('locate:read')] as const,
  request: {
    query: z.object({
      lon: z.string().optional().meta({ description: 'longitude in degrees', example: '112.8836' }),
      lat: z.string().optional().meta({ description: 'latitude in degrees', example: '27.8555' }),
      crs: crsSchema,
      generation: generationParam,
    }),
  },
  responses: {
    200: {
      description: 'The block, community and township',
      content: { 'application/json': { schema: locationSchema } },
    },
    400: errors[400],
    404: errors[404],
    422: errors[422],
    503: errors[503],
  },
});

const batchItem = z.union([
  locationSchema,
  z.object({ block: z.null(), reason: z.enum(['OUTSIDE_DISTRICT', 'INVALID_COORDINATES']) }),
]);

const postRoute = createRoute({
  method: 'post',
  path: '/locate',
  tags: ['locate'],
  summary: `Locate up to ${MAX_BATCH_POINTS} points at once`,
  middleware: [requires('locate:read')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            points: z.array(z.tuple([z.number(), z.number()])).min(1, 'send at least one [lon, lat] point'),
            crs: crsSchema,
            generation: z.number().int().positive().optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'One result per point, in order; `block: null` with a reason for points without a block',
      content: {
        'application/json': {
          schema: z.object({ generation: z.number().int(), results: z.array(batchItem) }),
        },
      },
    },
    400: errors[400],
    404: errors[404],
    413: errors[413],
    503: errors[503],
  },
});

export const locateRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getRoute, async (c) => {
    const q = c.req.valid('query');
    const loaded = await c.get('services').boundaries.get(q.generation);
    const lon = parseCoordinate(q.lon);
    const lat = parseCoordinate(q.lat);
    checkLonLat(lon, lat, q.crs, loaded.locator);
    const found = loaded.locator.locate(lon, lat, q.crs);
    if (!found.inside) throw outsideError(loaded, lon, lat, q.crs);
    return c.json(locationOf(loaded, found.blockIndex), 200);
  })
  .openapi(postRoute, async (c) => {
    const body = c.req.valid('json');
    if (body.points.length > MAX_BATCH_POINTS) {
      throw new DomainError(
        'TOO_MANY_POINTS',
        `${body.points.length} points sent; at most ${MAX_BATCH_POINTS} per request: split the batch`,
        413,
        { limit: MAX_BATCH_POINTS, received: body.points.length },
      );
    }
    const loaded = await c.get('services').boundaries.get(body.generation);
    const results = body.points.map(([lon, lat]) => {
      if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        return { block: null, reason: 'INVALID_COORDINATES' as const };
      }
      const found = loaded.locator.locate(lon, lat, body.crs);
      return found.inside
        ? locationOf(loaded, found.blockIndex)
        : { block: null, reason: 'OUTSIDE_DISTRICT' as const };
    });
    return c.json({ generation: loaded.meta.generation, results }, 200);
  });
