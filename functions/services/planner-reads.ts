// The planner's read side: what publishing a draft would change (with the workload before and after), and who
// serves each block of a generation. No writes.
import type { BoundaryStore } from '../../core/blocks/ports.js';
import { NotFoundError } from '../../core/errors.js';
import { buildBlockIndex } from '../../core/geo/block-index.js';
import { Locator } from '../../core/geo/locator.js';
import type { Incident } from '../../core/incidents/incident.js';
import { diffCoverages } from '../../core/planner/diff.js';
import type { DraftStore } from '../store/draft-store.js';
import type { BoundaryService } from './boundaries.js';
import type { IncidentService } from './incidents.js';
import { recentInTownships } from './planner-follow.js';

export interface PlannerReads {
  store: BoundaryStore;
  drafts: DraftStore;
  boundaries: BoundaryService;
  incidents: IncidentService;
}

/** What publishing draft `g` would change: blocks, open incidents that would move, load per block before/after. */
export async function draftDiff(deps: PlannerReads, g: number) {
  const { store, drafts, boundaries, incidents } = deps;
  const meta = await store.getGeneration(g);
  if (!meta || meta.status === 'discarded') throw new NotFoundError('generation', String(g));
  const [base, draft, draftAssignments] = await Promise.all([
    boundaries.get(meta.base ?? undefined),
    store.loadBoundaries(g),
    drafts.assignments(g),
  ]);
  const diff = diffCoverages(base.set.blocks, draft.blocks);
  const touched = new Set([...diff.removed, ...diff.changed.map((c) => c.id)]);
  const draftLocator = new Locator(
    buildBlockIndex({ type: 'FeatureCollection', features: draft.blocks }),
    null,
  );
  const townships = [
    ...new Set(
      [...touched]
        .map((id) => base.blocks.get(id)?.properties.township_code)
        .filter((t): t is string => Boolean(t)),
    ),
  ];
  const recent = (await recentInTownships(incidents.store, townships, 90)).filter((i) =>
    touched.has(i.counted_block ?? i.block_id),
  );
  const open = await incidents.store.listOpen({ limit: 1000 });
  const moving = open.items
    .filter((i) => touched.has(i.block_id))
    .map((i) => ({ id: i.id, from: i.block_id, to: locateIn(draftLocator, i) }))
    .filter((m) => m.to !== m.from);
  const baseAssign = new Map<string, number>();
  for (const id of touched) {
    const a = await incidents.reference.store.assignment(base.meta.generation, id);
    baseAssign.set(id, a ? 2 + a.assistants.length : 0);
  }
  const draftById = new Map(draft.blocks.map((b) => [b.properties.id, b]));
  const draftCadres = new Map(draftAssignments.map((a) => [a.block_id, 2 + a.assistants.length]));
  const after90 = new Map<string, number>();
  for (const i of recent) {
    const to = locateIn(draftLocator, i);
    if (to) after90.set(to, (after90.get(to) ?? 0) + 1);
  }
  const before90 = new Map<string, number>();
  for (const i of recent) {
    const at = i.counted_block ?? i.block_id;
    before90.set(at, (before90.get(at) ?? 0) + 1);
  }
  const balance = [...new Set([...touched, ...diff.added])].sort().map((id) => ({
    block_id: id,
    population_before: base.blocks.get(id)?.properties.population_est ?? null,
    population_after: draftById.get(id)?.properties.population_est ?? null,
    incidents_90d_before: base.blocks.has(id) ? (before90.get(id) ?? 0) : null,
    incidents_90d_after: draftById.has(id) ? (after90.get(id) ?? 0) : null,
    cadres_before: baseAssign.get(id) ?? null,
    cadres_after: draftById.has(id) ? (draftCadres.get(id) ?? 0) : null,
  }));
  return {
    generation: g,
    base: meta.base,
    version: meta.version,
    ...diff,
    open_incidents_moving: moving.length,
    moving: moving.slice(0, 100),
    balance,
  };
}

function locateIn(locator: Locator, i: Pick<Incident, 'lon' | 'lat'>): string | null {
  const r = locator.locate(i.lon, i.lat);
  return r.inside ? r.blockId : null;
}

/**
 * Who serves each block of a generation (draft or published): ids and names of the governor, assistants
 * and supervisor — what a planner checks before publishing and changes with assign_cadres. No phones.
 * A block nobody is assigned to yet (e.g. from an import) has no entry.
 */
export async function blockRoles(deps: PlannerReads, g: number, block?: string) {
  const { store, drafts, incidents } = deps;
  const meta = await store.getGeneration(g);
  if (!meta || meta.status === 'discarded') throw new NotFoundError('generation', String(g));
  const all = await drafts.assignments(g);
  const wanted = block ? all.filter((a) => a.block_id === block) : all;
  const ids = wanted.flatMap((a) => [a.governor, ...a.assistants, a.supervisor]);
  const names = new Map((await incidents.reference.store.cadres(ids)).map((c) => [c.id, c.name] as const));
  const person = (id: string) => ({ id, name: names.get(id) ?? null });
  return {
    generation: g,
    assignments: wanted
      .sort((a, b) => a.block_id.localeCompare(b.block_id))
      .map((a) => ({
        block_id: a.block_id,
        governor: person(a.governor),
        assistants: a.assistants.map(person),
        supervisor: person(a.supervisor),
      })),
  };
}
