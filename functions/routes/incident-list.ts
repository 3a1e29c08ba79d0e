// GET /api/incidents: which partitions to read for the caller's question and scope, and how to redact.
import type { Context } from 'hono';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { DEPARTMENT_KEYS } from '../../core/geography/schemas.js';
import { INCIDENT_CATEGORY_KEYS, INCIDENT_CLASSES } from '../../core/incidents/categories.js';
import type { Incident } from '../../core/incidents/incident.js';
import { STATES } from '../../core/incidents/lifecycle.js';
import { type Audience, incidentView } from '../../core/incidents/views.js';
import { ForbiddenError, UnauthenticatedError } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { type ListFilter, mergeSources, type Source } from '../services/incident-queries.js';
import { intersects, parseBbox } from './boundaries.js';
import { csvEnum } from './schemas.js';

const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/,
    'use a date (2026-11-22) or an ISO time in UTC (2026-11-22T08:00:00Z)',
  )
  .optional();

export const listQuerySchema = z.object({
  bbox: z.string().optional().meta({ description: 'minLon,minLat,maxLon,maxLat' }),
  status: csvEnum(STATES, 'status').meta({ description: `comma-separated: ${STATES.join(', ')}` }),
  class: csvEnum(INCIDENT_CLASSES, 'class'),
  category: csvEnum(INCIDENT_CATEGORY_KEYS, 'category'),
  block: z.string().max(40).optional(),
  township: z
    .string()
    .regex(/^\d{9}$/, 'township must be a 9-digit code')
    .optional(),
  since: isoDate,
  until: isoDate,
  overdue: z.enum(['true', 'false']).optional(),
  assignee: z.literal('me', { message: 'assignee can only be "me" (a cadre’s own queue)' }).optional(),
  department: z.enum(DEPARTMENT_KEYS).optional(),
  limit: z.coerce.number().int().min(1).max(200, 'limit is at most 200').default(50),
  cursor: z.string().max(4000).optional(),
});
type ListQuery = z.infer<typeof listQuerySchema>;

/** Runs the listing for the caller; each role sees exactly its own scope. */
export async function listIncidents(c: Context<AppEnv>, q: ListQuery) {
  const { incidents, boundaries, reference } = c.get('services');
  const principal = c.get('principal');
  const store = incidents.store;
  const now = new Date().toISOString();
  const until = q.until && q.until.length === 10 ? `${q.until}T23:59:59.999Z` : q.until;
  const range = { since: q.since, until };
  const filter: ListFilter = {
    status: q.status,
    class: q.class,
    category: q.category,
    bbox: parseBbox(q.bbox),
    block: q.block,
    township: q.township,
  };
  const byBlock = (id: string): Source => ({
    read: (cursor, limit) => store.listByBlock(id, { ...range, limit, cursor }),
    resumeAfter: (i) => store.cursorAfter('block', i),
  });
  const byTownship = (code: string): Source => ({
    read: (cursor, limit) => store.listByTownship(code, { ...range, limit, cursor }),
    resumeAfter: (i) => store.cursorAfter('township', i),
  });
  const open = (dueBefore?: string): Source => ({
    read: (cursor, limit) => store.listOpen({ dueBefore, limit, cursor }),
    resumeAfter: (i) => store.cursorAfter('open', i),
  });
  const scoped = principal.role === 'dispatcher' && principal.township;
  if (scoped && q.township && q.township !== principal.township) {
    throw new ForbiddenError(`your dispatcher scope is township ${principal.township}`, {
      scope: principal.township,
    });
  }

  let sources: Source[];
  let audienceFor: (i: Incident) => Audience = () => 'public';
  if (q.assignee === 'me') {
    if (principal.anonymous) throw new UnauthenticatedError('assignee=me needs a signed-in cadre');
    if (principal.role !== 'cadre')
      throw new ForbiddenError('assignee=me is a cadre’s own queue', { role: principal.role });
    const generation = await boundaries.currentGeneration();
    const blocks = generation ? await reference.store.blocksOfCadre(generation, principal.id) : [];
    sources = [...new Set(blocks.map((b) => b.block_id))].map(byBlock);
    audienceFor = (i) => (i.assignee === principal.id ? 'staff_contact' : 'staff');
  } else if (q.department) {
    const own = principal.role === 'department' && principal.department === q.department;
    const staff = (principal.role === 'dispatcher' && !principal.township) || principal.role === 'admin';
    if (!own && !staff)
      throw new ForbiddenError(`only department ${q.department} and district dispatchers see its queue`);
    filter.escalatedTo = `department:${q.department}`;
    sources = [open()];
    audienceFor = () => 'staff';
  } else if (q.overdue === 'true') {
    if (scoped) filter.township = principal.township;
    sources = [open(now)];
  } else if (q.block) {
    sources = [byBlock(q.block)];
  } else {
    const loaded = await boundaries.get();
    let codes = q.township
      ? [q.township]
      : scoped
        ? [principal.township!]
        : [...loaded.townships.keys()].sort();
    if (filter.bbox && !q.township) {
      const bbox = filter.bbox;
      codes = codes.filter((code) => {
        const township = loaded.townships.get(code);
        return township !== undefined && intersects(township, bbox);
      });
    }
    sources = codes.map(byTownship);
  }
  const staff = principal.role === 'dispatcher' || principal.role === 'admin';
  if (staff)
    audienceFor = (i) =>
      principal.role === 'admin'
        ? 'staff'
        : !scoped || i.township_code === principal.township
          ? 'staff_contact'
          : 'public';
  // Public callers must not learn a sensitive incident's point by probing with small boxes.
  filter.hideSensitive = !staff && q.assignee !== 'me' && !q.department;
  if (sources.length === 0) return { incidents: [], cursor: null };
  if (q.since && q.until && q.since > q.until)
    throw new ValidationError('since is after until', { since: q.since, until: q.until });
  const page = await mergeSources(sources, filter, q.limit, q.cursor);
  const withContact = page.items.filter((i) => audienceFor(i) === 'staff_contact');
  await incidents.auditContact(withContact, principal);
  return { incidents: page.items.map((i) => incidentView(i, audienceFor(i))), cursor: page.cursor };
}
