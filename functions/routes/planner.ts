// Planners' boundary drafts: create, list, edit (topology-checked, If-Match), diff, publish, discard.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { generationSchema } from '../../core/blocks/generation.js';
import { DomainError, NotFoundError } from '../../core/errors.js';
import { BLOCK_ID } from '../../core/geography/schemas.js';
import {
  blockRolesListSchema,
  draftDiffSchema,
  editResultSchema,
  publishResultSchema,
} from '../../core/planner/api.js';
import { editOpSchema } from '../../core/planner/ops.js';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { parseIfMatch } from './incident-transitions.js';
import { errors } from './schemas.js';

const g = z.object({ g: z.coerce.number().int().positive().meta({ description: 'generation number' }) });
const ifMatch = z.object({
  'if-match': z.string().optional().meta({ description: 'the draft version, e.g. "3"' }),
});
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** `role:id` of the caller, recorded on every boundary write. */
const actorOf = (c: Context<AppEnv>) => `${c.get('principal').role}:${c.get('principal').id}`;

function requireVersion(raw: string | undefined): number {
  const v = parseIfMatch(raw);
  if (v === undefined)
    throw new DomainError(
      'PRECONDITION_REQUIRED',
      'send If-Match with the draft version you edited (its `version`)',
      428,
    );
  return v;
}

const routes = {
  create: createRoute({
    method: 'post',
    path: '/generations',
    tags: ['planning'],
    summary: 'Start a draft copied from the current generation',
    middleware: [requires('generations:edit')] as const,
    request: {
      body: {
        required: false,
        content: { 'application/json': { schema: z.object({ note: z.string().max(200).optional() }) } },
      },
    },
    responses: { 201: json(generationSchema, 'The new draft'), 401: errors[401], 403: errors[403] },
  }),
  list: createRoute({
    method: 'get',
    path: '/generations',
    tags: ['planning'],
    summary: 'All generations (published and drafts)',
    middleware: [requires('generations:read')] as const,
    responses: {
      200: json(z.object({ generations: z.array(generationSchema) }), 'Generations, oldest first'),
      401: errors[401],
      403: errors[403],
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/generations/{g}',
    tags: ['planning'],
    summary: 'One generation',
    middleware: [requires('generations:read')] as const,
    request: { params: g },
    responses: { 200: json(generationSchema, 'The generation (ETag = version)'), 404: errors[404] },
  }),
  edit: createRoute({
    method: 'post',
    path: '/generations/{g}/edits',
    tags: ['planning'],
    summary:
      'Apply one topological edit to a draft (move_vertex, reshape_edge, split_block, merge_blocks, reassign_block, assign_cadres)',
    middleware: [requires('generations:edit')] as const,
    request: {
      params: g,
      headers: ifMatch,
      body: { required: true, content: { 'application/json': { schema: editOpSchema } } },
    },
    responses: {
      200: json(editResultSchema, 'Accepted; the new version'),
      400: errors[400],
      404: errors[404],
      409: json(errors[400].content['application/json'].schema, 'Not a draft'),
      412: errors[412],
      422: errors[422],
      428: json(errors[400].content['application/json'].schema, 'If-Match missing'),
    },
  }),
  diff: createRoute({
    method: 'get',
    path: '/generations/{g}/diff',
    tags: ['planning'],
    summary:
      'What publishing would change: blocks, open incidents that would move, load per block before/after',
    middleware: [requires('generations:read')] as const,
    request: { params: g },
    responses: {
      200: json(draftDiffSchema, 'The diff'),
      404: errors[404],
    },
  }),
  roles: createRoute({
    method: 'get',
    path: '/generations/{g}/assignments',
    tags: ['planning'],
    summary: 'Who serves each block of a generation (governor, assistants, supervisor: ids and names)',
    middleware: [requires('generations:read')] as const,
    request: {
      params: g,
      query: z.object({
        block: z
          .string()
          .regex(BLOCK_ID, 'block id must look like YH-<12-digit community code>-<2 digits>')
          .optional()
          .meta({ description: 'only this block' }),
      }),
    },
    responses: {
      200: json(
        blockRolesListSchema,
        'Cadre roles by block (no phone numbers); a block nobody serves yet has no entry',
      ),
      400: errors[400],
      404: errors[404],
    },
  }),
  publish: createRoute({
    method: 'post',
    path: '/generations/{g}/publish',
    tags: ['planning'],
    summary: 'Validate the whole draft and make it current (open incidents follow their points)',
    middleware: [requires('generations:publish')] as const,
    request: { params: g, headers: ifMatch },
    responses: {
      200: json(publishResultSchema, 'Published'),
      404: errors[404],
      409: json(errors[400].content['application/json'].schema, 'Not a draft'),
      412: errors[412],
      422: errors[422],
      428: json(errors[400].content['application/json'].schema, 'If-Match missing'),
    },
  }),
  discard: createRoute({
    method: 'delete',
    path: '/generations/{g}',
    tags: ['planning'],
    summary: 'Discard a draft',
    middleware: [requires('generations:edit')] as const,
    request: { params: g },
    responses: {
      204: { description: 'Discarded' },
      404: errors[404],
      409: json(errors[400].content['application/json'].schema, 'Not a draft'),
    },
  }),
};

export const plannerRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(routes.create, async (c) => {
    const body = await c.req.json().catch(() => ({}));
    const draft = await c
      .get('services')
      .planner.create(actorOf(c), typeof body?.note === 'string' ? body.note.slice(0, 200) : undefined);
    c.header('ETag', `"${draft.version}"`);
    return c.json(draft, 201);
  })
  .openapi(routes.list, async (c) => {
    const all = await c.get('services').boundaries.store.listGenerations();
    return c.json({ generations: all.filter((x) => x.status !== 'discarded') }, 200);
  })
  .openapi(routes.get, async (c) => {
    const meta = await c.get('services').boundaries.store.getGeneration(c.req.valid('param').g);
    if (!meta || meta.status === 'discarded')
      throw new NotFoundError('generation', String(c.req.valid('param').g));
    c.header('ETag', `"${meta.version}"`);
    return c.json(meta, 200);
  })
  .openapi(routes.edit, async (c) => {
    const version = requireVersion(c.req.header('If-Match'));
    const out = await c
      .get('services')
      .planner.edit(c.req.valid('param').g, c.req.valid('json'), version, actorOf(c));
    c.header('ETag', `"${out.version}"`);
    return c.json(out, 200);
  })
  .openapi(routes.diff, async (c) =>
    c.json(await c.get('services').planner.diff(c.req.valid('param').g), 200),
  )
  .openapi(routes.roles, async (c) =>
    c.json(await c.get('services').planner.roles(c.req.valid('param').g, c.req.valid('query').block), 200),
  )
  .openapi(routes.publish, async (c) => {
    const version = requireVersion(c.req.header('If-Match'));
    return c.json(await c.get('services').planner.publish(c.req.valid('param').g, version, actorOf(c)), 200);
  })
  .openapi(routes.discard, async (c) => {
    await c.get('services').planner.discard(c.req.valid('param').g);
    return c.body(null, 204);
  });
