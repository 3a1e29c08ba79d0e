// Boundaries of a generation: blocks (GeoJSON, TopoJSON), communities, townships, with ETag + compression.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Feature } from 'geojson';
import type { Context } from 'hono';
import { topology } from 'topojson-server';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.js';
import { ValidationError } from '../../core/errors.js';
import { requires } from '../http/auth.js';
import { prepareBody, sendPrepared } from '../http/cached-response.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { cachedBody, type LoadedGeneration } from '../services/boundaries.js';
import { errors, generationParam } from './schemas.js';

const GEOJSON = 'application/geo+json; charset=utf-8';

/** Planners may read a draft's boundaries (never cached); others get 404 for drafts. */
function draftsFor(c: Context<AppEnv>) {
  return { drafts: authorize(c.get('principal'), 'generations:read') === 'allow' };
}

/** Current boundaries may change on publish (seen within 30 s); a named generation never changes. */
export function boundaryCacheControl(explicitGeneration: boolean, draft = false): string {
  if (draft) return 'private, no-store';
  return explicitGeneration
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=15, stale-while-revalidate=60';
}

const bboxParam = z
  .string()
  .optional()
  .meta({ description: 'minLon,minLat,maxLon,maxLat (WGS84)', example: '112.85,27.84,112.92,27.88' });

/** Parses and checks a bbox parameter. */
export function parseBbox(raw: string | undefined): [number, number, number, number] | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((s) => Number(s.trim()));
  const [w, s, e, n] = parts;
  if (
    parts.length !== 4 ||
    parts.some((v) => !Number.isFinite(v)) ||
    w > e ||
    s > n ||
    w < -180 ||
    e > 180 ||
    s < -90 ||
    n > 90
  ) {
    throw new ValidationError(
      `bbox "${raw}" is not valid: send minLon,minLat,maxLon,maxLat in degrees with min ≤ max, e.g. 112.85,27.84,112.92,27.88`,
      { bbox: raw },
      'INVALID_BBOX',
    );
  }
  return [w, s, e, n];
}

function featureBbox(f: Feature): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    } else for (const child of c as unknown[]) visit(child);
  };
  visit((f.geometry as { coordinates: unknown }).coordinates);
  return [w, s, e, n];
}

const bboxCache = new WeakMap<Feature, [number, number, number, number]>();
/** Whether a feature's bounding box meets `b` (bboxes cached per feature object). */
export const intersects = (f: Feature, b: [number, number, number, number]) => {
  let fb = bboxCache.get(f);
  if (!fb) {
    fb = featureBbox(f);
    bboxCache.set(f, fb);
  }
  return fb[0] <= b[2] && fb[2] >= b[0] && fb[1] <= b[3] && fb[3] >= b[1];
};

type Filters = { bbox?: string; township?: string; community?: string };

function filterBlocks(loaded: LoadedGeneration, q: Filters) {
  const bbox = parseBbox(q.bbox);
  return loaded.set.blocks.filter(
    (f) =>
      (!q.township || f.properties.township_code === q.township) &&
      (!q.community || f.properties.community_code === q.community) &&
      (!bbox || intersects(f, bbox)),
  );
}

const fc = (features: Feature[]) => JSON.stringify({ type: 'FeatureCollection', features });

const blockQuery = z.object({
  bbox: bboxParam,
  township: z
    .string()
    .regex(/^\d{9}$/, 'township must be a 9-digit code')
    .optional(),
  community: z
    .string()
    .regex(/^\d{12}$/, 'community must be a 12-digit code')
    .optional(),
  generation: generationParam,
});

const fcResponse = (description: string) => ({
  description,
  content: {
    'application/geo+json': {
      schema: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) }),
    },
  },
});
const notModified = { description: 'Not modified (If-None-Match matched the ETag)' };

const routes = {
  blocks: createRoute({
    method: 'get',
    path: '/blocks',
    tags: ['boundaries'],
    summary: 'Blocks as a GeoJSON FeatureCollection (current generation by default)',
    middleware: [requires('boundaries:read')] as const,
    request: { query: blockQuery },
    responses: {
      200: fcResponse('Blocks'),
      304: notModified,
      400: errors[400],
      404: errors[404],
      503: errors[503],
    },
  }),
  topojson: createRoute({
    method: 'get',
    path: '/blocks.topojson',
    tags: ['boundaries'],
    summary: 'Blocks as TopoJSON with shared arcs',
    middleware: [requires('boundaries:read')] as const,
    request: { query: blockQuery },
    responses: {
      200: {
        description: 'TopoJSON Topology with one object `blocks`',
        content: { 'application/json': { schema: z.object({ type: z.literal('Topology') }).passthrough() } },
      },
      304: notModified,
      400: errors[400],
      404: errors[404],
      503: errors[503],
    },
  }),
  communities: createRoute({
    method: 'get',
    path: '/communities',
    tags: ['boundaries'],
    summary: 'Villages and communities (村/社区), derived from their blocks',
    middleware: [requires('boundaries:read')] as const,
    request: { query: blockQuery.pick({ township: true, generation: true, bbox: true }) },
    responses: {
      200: fcResponse('Communities'),
      304: notModified,
      400: errors[400],
      404: errors[404],
      503: errors[503],
    },
  }),
  townships: createRoute({
    method: 'get',
    path: '/townships',
    tags: ['boundaries'],
    summary: 'Towns and subdistricts (乡镇/街道), derived from their blocks',
    middleware: [requires('boundaries:read')] as const,
    request: { query: blockQuery.pick({ generation: true, bbox: true }) },
    responses: {
      200: fcResponse('Townships'),
      304: notModified,
      400: errors[400],
      404: errors[404],
      503: errors[503],
    },
  }),
};

export const boundaryRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(routes.blocks, async (c) => {
    const q = c.req.valid('query');
    const loaded = await c.get('services').boundaries.get(q.generation, draftsFor(c));
    const key = `blocks.geojson?township=${q.township ?? ''}&community=${q.community ?? ''}`;
    const make = () => prepareBody(fc(filterBlocks(loaded, q)), GEOJSON);
    const body = q.bbox ? make() : cachedBody(loaded, key, make);
    return sendPrepared(
      c,
      body,
      boundaryCacheControl(q.generation !== undefined, loaded.meta.status === 'draft'),
    ) as never;
  })
  .openapi(routes.topojson, async (c) => {
    const q = c.req.valid('query');
    const loaded = await c.get('services').boundaries.get(q.generation, draftsFor(c));
    const key = `blocks.topojson?township=${q.township ?? ''}&community=${q.community ?? ''}`;
    const make = () =>
      prepareBody(
        JSON.stringify(
          topology({ blocks: { type: 'FeatureCollection', features: filterBlocks(loaded, q) } }, 1e6),
        ),
        'application/json; charset=utf-8',
      );
    const body = q.bbox ? make() : cachedBody(loaded, key, make);
    return sendPrepared(
      c,
      body,
      boundaryCacheControl(q.generation !== undefined, loaded.meta.status === 'draft'),
    ) as never;
  })
  .openapi(routes.communities, async (c) => {
    const q = c.req.valid('query');
    const loaded = await c.get('services').boundaries.get(q.generation, draftsFor(c));
    const bbox = parseBbox(q.bbox);
    const make = () =>
      prepareBody(
        fc(
          loaded.set.communities.filter(
            (f) =>
              (!q.township || f.properties.township_code === q.township) && (!bbox || intersects(f, bbox)),
          ),
        ),
        GEOJSON,
      );
    const body = q.bbox ? make() : cachedBody(loaded, `communities?township=${q.township ?? ''}`, make);
    return sendPrepared(
      c,
      body,
      boundaryCacheControl(q.generation !== undefined, loaded.meta.status === 'draft'),
    ) as never;
  })
  .openapi(routes.townships, async (c) => {
    const q = c.req.valid('query');
    const loaded = await c.get('services').boundaries.get(q.generation, draftsFor(c));
    const bbox = parseBbox(q.bbox);
    const make = () =>
      prepareBody(fc(loaded.set.townships.filter((f) => !bbox || intersects(f, bbox))), GEOJSON);
    const body = q.bbox ? make() : cachedBody(loaded, 'townships', make);
    return sendPrepared(
      c,
      body,
      boundaryCacheControl(q.generation !== undefined, loaded.meta.status === 'draft'),
    ) as never;
  });
