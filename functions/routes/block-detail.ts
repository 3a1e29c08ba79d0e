// GET /api/blocks/:id — one block with its community, township, cadres (1+N+1), doctor team and assets.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { authorize } from '../../core/auth/permissions.js';
import { NotFoundError } from '../../core/errors.js';
import type { Cadre } from '../../core/geography/schemas.js';
import { nextDeadline } from '../../core/incidents/deadline.js';
import type { IncidentStore } from '../../core/incidents/ports.js';
import { maskPhone } from '../../core/privacy.js';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { errors, generationParam } from './schemas.js';

/** Open incidents of a block by class, and how many are past their deadline (one partition query). */
async function openIncidentCounts(store: IncidentStore, blockId: string, now: Date) {
  const counts = { total: 0, overdue: 0, by_class: { A: 0, B: 0, C: 0, D: 0 } as Record<string, number> };
  let cursor: string | undefined;
  do {
    const page = await store.listByBlock(blockId, { limit: 200, cursor });
    for (const i of page.items) {
      const deadline = nextDeadline(i);
      if (!deadline) continue;
      counts.total++;
      counts.by_class[i.class]++;
      if (deadline < now.toISOString()) counts.overdue++;
    }
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return counts;
}

const personSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role_title: z.string(),
    unit: z.string(),
    phone: z
      .string()
      .meta({ description: 'masked (100-****-1234) unless the caller may read staff contacts' }),
  })
  .meta({ id: 'CadreContact' });

const detailSchema = z
  .object({
    block: z.object({
      type: z.literal('Feature'),
      properties: z.record(z.string(), z.unknown()),
      geometry: z.unknown(),
    }),
    community: z.object({ code: z.string(), name: z.string(), type: z.string() }),
    township: z.object({ code: z.string(), name: z.string(), type: z.string() }),
    generation: z.number().int(),
    duty_phone: z
      .string()
      .nullable()
      .meta({ description: "the block's public duty number (residents may call it)" }),
    cadres: z.object({
      governor: personSchema.nullable(),
      assistants: z.array(personSchema),
      supervisor: personSchema.nullable(),
    }),
    doctor_team: z
      .object({ id: z.string(), name: z.string(), lead: z.string(), phone: z.string() })
      .nullable(),
    assets: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string() })),
    open_incidents: z
      .object({
        total: z.number().int(),
        overdue: z.number().int(),
        by_class: z.record(z.string(), z.number().int()),
      })
      .meta({ description: 'incidents of this block still being worked (reported … reopened)' }),
  })
  .meta({ id: 'BlockDetail' });

const route = createRoute({
  method: 'get',
  path: '/blocks/{id}',
  tags: ['boundaries'],
  summary: 'A block with its cadres, doctor team and assets',
  middleware: [requires('boundaries:read')] as const,
  request: {
    params: z.object({ id: z.string().min(1).max(40).meta({ example: 'YH-430302006104-01' }) }),
    query: z.object({ generation: generationParam }),
  },
  responses: {
    200: { description: 'The block', content: { 'application/json': { schema: detailSchema } } },
    400: errors[400],
    404: errors[404],
    503: errors[503],
  },
});

export const blockDetailRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  route,
  async (c) => {
    const { id } = c.req.valid('param');
    const { generation } = c.req.valid('query');
    const { boundaries, reference } = c.get('services');
    const loaded = await boundaries.get(generation);
    const block = loaded.blocks.get(id);
    if (!block) throw new NotFoundError('block', id);
    const p = block.properties;
    const [assignment, byBlock, openCounts] = await Promise.all([
      reference.store.assignment(loaded.meta.generation, id),
      reference.assetsByBlock(loaded),
      openIncidentCounts(c.get('services').incidents.store, id, new Date()),
    ]);
    const ids = assignment ? [assignment.governor, ...assignment.assistants, assignment.supervisor] : [];
    const [cadres, team] = await Promise.all([
      reference.store.cadres(ids),
      assignment ? reference.store.doctorTeam(assignment.doctor_team) : null,
    ]);
    const staff = authorize(c.get('principal'), 'cadres:read-contact') === 'allow';
    const person = (cadreId: string | undefined) => {
      const cadre = cadres.find((x: Cadre) => x.id === cadreId);
      if (!cadre) return null;
      const { id: cid, name, role_title, unit, phone } = cadre;
      return { id: cid, name, role_title, unit, phone: staff ? phone : maskPhone(phone) };
    };
    const community = loaded.communities.get(p.community_code)?.properties;
    const township = loaded.townships.get(p.township_code)?.properties;
    c.header('Cache-Control', staff ? 'private, no-store' : 'public, max-age=60');
    return c.json(
      {
        block,
        community: { code: p.community_code, name: p.community_name, type: String(community?.type ?? '') },
        township: { code: p.township_code, name: p.township_name, type: String(township?.type ?? '') },
        generation: loaded.meta.generation,
        duty_phone: assignment?.duty_phone ?? null,
        cadres: {
          governor: person(assignment?.governor),
          assistants: (assignment?.assistants ?? []).map(person).filter((x) => x !== null),
          supervisor: person(assignment?.supervisor),
        },
        doctor_team: team ? { id: team.id, name: team.name, lead: team.lead, phone: team.phone } : null,
        open_incidents: openCounts,
        assets: (byBlock.get(id) ?? []).map((a) => ({
          id: a.properties.id,
          kind: a.properties.kind,
          name: a.properties.name,
        })),
      },
      200,
    );
  },
);
