// After a publish, work follows the boundaries: open incidents whose point now lies in another block
// move to it (recorded as an event, assigned to its governor); the last 90 days of counters of the
// changed blocks are recomputed from those incidents' points, so hot-spot windows never mix generations.
import type { Incident, IncidentEvent } from '../../core/incidents/incident.js';
import type { IncidentStore } from '../../core/incidents/ports.js';
import type { Coverage } from '../../core/planner/coverage.js';
import type { LoadedGeneration } from './boundaries.js';
import type { IncidentService } from './incidents.js';

/** Incidents reported in the last `days` days in any of `blocks` (one partition query per block). */
export async function recentInBlocks(
  store: IncidentStore,
  blocks: readonly string[],
  days: number,
): Promise<Incident[]> {
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  const found: Incident[] = [];
  for (const block of blocks) {
    let cursor: string | undefined;
    do {
      const page = await store.listByBlock(block, { since, limit: 200, cursor });
      found.push(...page.items);
      cursor = page.cursor ?? undefined;
    } while (cursor);
  }
  return found;
}

export async function followBoundaries(
  incidents: IncidentService,
  before: LoadedGeneration,
  after: LoadedGeneration,
  coverage: Coverage,
) {
  const store = incidents.store;
  const touched = [...before.blocks.keys()].filter((id) => {
    const next = after.blocks.get(id);
    return !next || JSON.stringify(next.geometry) !== JSON.stringify(before.blocks.get(id)!.geometry);
  });
  const where = (i: Incident) => {
    const r = after.locator.locate(i.lon, i.lat);
    return r.inside ? after.blocks.get(r.blockId)!.properties : null;
  };
  let moved = 0;
  let recounted = 0;
  const open = await store.listOpen({ limit: 1000 });
  const openIds = new Set<string>();
  for (const i of open.items) {
    openIds.add(i.id);
    if (!touched.includes(i.block_id)) continue;
    const block = where(i);
    if (!block || block.id === i.block_id) continue;
    const governor = coverage.assignments[block.id]?.governor;
    const now = new Date().toISOString();
    const next: Incident = {
      ...i,
      version: i.version + 1,
      block_id: block.id,
      block_name: block.name,
      community_code: block.community_code,
      township_code: block.township_code,
      generation: after.meta.generation,
      ...(governor ? { assignee: governor } : {}),
      updated_at: now,
    };
    const event: IncidentEvent = {
      incident_id: i.id,
      seq: next.version,
      action: 'move_block',
      actor: 'system',
      role: 'system',
      at: now,
      from: i.status,
      to: i.status,
      note: `boundaries changed (generation ${after.meta.generation}): moved from ${i.block_id} to ${block.id}`,
      public: true,
      ...(governor ? { assignee: governor } : {}),
    };
    const notify = governor
      ? [
          {
            kind: 'assignment' as const,
            recipient: governor,
            message: `incident ${i.id} moved to your block ${block.name}`,
          },
        ]
      : [];
    await store.transition(i, next, event, notify);
    moved++;
  }
  // Counters: closed/resolved reports of the last 90 days in changed blocks are recounted by point.
  for (const i of await recentInBlocks(store, touched, 90)) {
    if (openIds.has(i.id)) continue;
    const block = where(i);
    if (!block || block.id === i.block_id) continue;
    await store.moveCounts(i, { ...i, block_id: block.id, township_code: block.township_code });
    recounted++;
  }
  return { changed_blocks: touched.length, open_incidents_moved: moved, counts_moved: recounted };
}
