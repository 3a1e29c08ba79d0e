// Dispatchers' view of where problems concentrate: Gi* hot spots per block, H3 heat, the overdue queue.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { INCIDENT_CATEGORY_KEYS, INCIDENT_CLASSES } from '../../core/incidents/categories.js';
import { nextDeadline } from '../../core/incidents/deadline.js';
import { incidentView } from '../../core/incidents/views.js';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { WINDOWS, type WindowName } from '../services/hotspots.js';
import { incidentViewSchema } from './incident-schemas.js';
import { csvEnum, errors } from './schemas.js';

const windowParam = z
  .enum(Object.keys(WINDOWS) as [WindowName, ...WindowName[]], {
    message: 'window must be one of 7d, 30d, 90d',
  })
  .default('30d');
const filters = {
  window: windowParam,
  end: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'end must be a CST date like 2026-11-22')
    .optional(),
  class: csvEnum(INCIDENT_CLASSES, 'class'),
  category: csvEnum(INCIDENT_CATEGORY_KEYS, 'category'),
};

const blockHotspot = z.object({
  block_id: z.string(),
  count: z.number(),
  rate: z.number().nullable(),
  z: z.number(),
  p: z.number(),
  bin: z.number().int().meta({ description: '+3/+2/+1 hot at 99/95/90 %, 0 not significant, -1..-3 cold' }),
  trend: z.enum(['up', 'down', 'none']),
  pattern: z.string(),
});

const storeCost = z.object({ items_read: z.number().int(), requests: z.number().int() });

const routes = {
  blocks: createRoute({
    method: 'get',
    path: '/hotspots',
    tags: ['hot spots'],
    summary: 'Getis-Ord Gi* hot spots per block with trend and emerging pattern',
    middleware: [requires('hotspots:read')] as const,
    request: {
      query: z.object({
        ...filters,
        metric: z.enum(['count', 'rate'], { message: 'metric must be count or rate' }).default('count'),
        fdr: z.enum(['true', 'false']).default('false'),
      }),
    },
    responses: {
      200: {
        description: 'One record per block and a summary',
        content: {
          'application/json': {
            schema: z.object({
              generation: z.number().int(),
              window: z.string(),
              start: z.string(),
              end: z.string(),
              blocks: z.array(blockHotspot),
              summary: z.record(z.string(), z.unknown()),
              store: storeCost,
            }),
          },
        },
      },
      400: errors[400],
      401: errors[401],
      403: errors[403],
    },
  }),
  hex: createRoute({
    method: 'get',
    path: '/hotspots/hex',
    tags: ['hot spots'],
    summary: 'Report counts per H3 hexagon (fine heat independent of block shapes)',
    middleware: [requires('hotspots:read')] as const,
    request: {
      query: z.object({
        ...filters,
        res: z.coerce
          .number()
          .int()
          .refine(
            (r) => r === 8 || r === 9 || r === 10,
            'res must be 8, 9 or 10 (H3 resolution; 9 ≈ 0.1 km²)',
          )
          .default(9),
      }),
    },
    responses: {
      200: {
        description: 'GeoJSON hexagons with { h3, count }',
        content: {
          'application/geo+json': {
            schema: z.object({ type: z.literal('FeatureCollection') }).passthrough(),
          },
        },
      },
      400: errors[400],
      401: errors[401],
      403: errors[403],
    },
  }),
  overdue: createRoute({
    method: 'get',
    path: '/overdue',
    tags: ['hot spots'],
    summary: 'Open incidents past their SLA deadline, most overdue first',
    middleware: [requires('hotspots:read')] as const,
    request: {
      query: z.object({
        township: z
          .string()
          .regex(/^\d{9}$/, 'township must be a 9-digit code')
          .optional(),
        block: z.string().max(40).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(100),
      }),
    },
    responses: {
      200: {
        description: 'Overdue incidents with how late they are',
        content: {
          'application/json': {
            schema: z.object({
              incidents: z.array(incidentViewSchema.extend({ overdue_minutes: z.number() })),
            }),
          },
        },
      },
      400: errors[400],
      401: errors[401],
      403: errors[403],
    },
  }),
};

export const hotspotRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(routes.blocks, async (c) => {
    const q = c.req.valid('query');
    const result = await c.get('services').hotspots.blocks({ ...q, fdr: q.fdr === 'true' });
    c.header('Cache-Control', 'private, max-age=60');
    const blocks = result.blocks.map(({ block_id, count, rate, z: zScore, p, bin, trend, pattern }) => ({
      block_id,
      count,
      rate,
      z: zScore,
      p,
      bin,
      trend,
      pattern,
    }));
    return c.json({ ...result, blocks }, 200);
  })
  .openapi(routes.hex, async (c) => {
    const q = c.req.valid('query');
    const fc = await c.get('services').hotspots.hexagons({ ...q, res: q.res as 8 | 9 | 10 });
    c.header('Cache-Control', 'private, max-age=60');
    return c.body(JSON.stringify(fc), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
    }) as never;
  })
  .openapi(routes.overdue, async (c) => {
    const q = c.req.valid('query');
    const principal = c.get('principal');
    const township = principal.role === 'dispatcher' && principal.township ? principal.township : q.township;
    const now = new Date();
    const { store } = c.get('services').incidents;
    const found = [];
    let cursor: string | undefined;
    do {
      const page = await store.listOpen({ dueBefore: now.toISOString(), limit: 200, cursor });
      for (const i of page.items) {
        if ((township && i.township_code !== township) || (q.block && i.block_id !== q.block)) continue;
        const deadline = nextDeadline(i) ?? i.resolve_by;
        found.push({
          ...incidentView(i, 'staff'),
          overdue_minutes: Math.round((now.getTime() - Date.parse(deadline)) / 60_000),
        });
      }
      cursor = page.cursor ?? undefined;
    } while (cursor && found.length < q.limit);
    found.sort((a, b) => b.overdue_minutes - a.overdue_minutes);
    return c.json({ incidents: found.slice(0, q.limit) }, 200);
  });
