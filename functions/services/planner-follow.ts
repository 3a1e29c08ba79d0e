// After a publish, work follows the boundaries: open incidents whose point now lies in another block
// move to it (recorded as an event, assigned to its governor); the last 90 days of counters of the
// changed blocks are recounted from the reports' points, so hot-spot windows never mix generations.
import { VersionConflictError } from '../../core/errors.js';
import type { Incident, IncidentEvent } from '../../core/incidents/incident.js';
import type { IncidentStore } from '../../core/incidents/ports.js';
import { cstDay } from '../../core/incidents/sla.js';
import type { Coverage } from '../../core/planner/coverage.js';
import { eachLimited } from '../store/batch.js';
import type { LoadedGeneration } from './boundaries.js';
import type { IncidentService } from './incidents.js';

/** Incidents reported in the last `days` days in any of `townships` (one partition query each). */
export async function recentInTownships(
  store: IncidentStore,
  townships: readonly string[],
  days: number,
): Promise<Incident[]> {
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  const found: Incident[] = [];
  for (const township of townships) {
    let cursor: string | undefined;
    do {
      const page = await store.listByTownship(township, { since, limit: 200, cursor });
      found.push(...page.items);
      cursor = page.cursor ?? undefined;
    } while (cursor);
  }
  return found;
}

/** Every open incident (the sparse open index, all pages). */
async function allOpen(store: IncidentStore): Promise<Incident[]> {
  const found: Incident[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listOpen({ limit: 500, cursor });
    found.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return found;
}

/** Blocks whose geometry, community or township differ between two generations (or that are gone). */
export function touchedBlocks(before: LoadedGeneration, after: LoadedGeneration): string[] {
  return [...before.blocks.keys()].filter((id) => {
    const a = before.blocks.get(id)!;
    const b = after.blocks.get(id);
    return (
      !b ||
      b.properties.community_code !== a.properties.community_code ||
      b.properties.township_code !== a.properties.township_code ||
      JSON.stringify(b.geometry) !== JSON.stringify(a.geometry)
    );
  });
}

async function moveOpen(
  incidents: IncidentService,
  i: Incident,
  after: LoadedGeneration,
  coverage: Coverage,
): Promise<'moved' | 'same' | 'busy'> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await incidents.store.get(i.id); // consistent read: the index may lag
    if (!current) return 'same';
    const r = after.locator.locate(current.lon, current.lat);
    if (!r.inside) return 'same';
    const block = after.blocks.get(r.blockId)!.properties;
    if (
      block.id === current.block_id &&
      block.township_code === current.township_code &&
      block.community_code === current.community_code
    ) {
      return 'same';
    }
    const governor = coverage.assignments[block.id]?.governor;
    const now = new Date().toISOString();
    const next: Incident = {
      ...current,
      version: current.version + 1,
      block_id: block.id,
      block_name: block.name,
      community_code: block.community_code,
      township_code: block.township_code,
      generation: after.meta.generation,
      // Counted where it now lies: the counters move with the record in the same transaction.
      counted_block: undefined,
      counted_township: undefined,
      ...(governor ? { assignee: governor } : {}),
      updated_at: now,
    };
    const event: IncidentEvent = {
      incident_id: current.id,
      seq: next.version,
      action: 'move_block',
      actor: 'system',
      role: 'system',
      at: now,
      from: current.status,
      to: current.status,
      note: `boundaries changed (generation ${after.meta.generation}): moved from ${current.block_id} to ${block.id}`,
      public: true,
      ...(governor ? { assignee: governor } : {}),
    };
    const notify = governor
      ? [
          {
            kind: 'assignment' as const,
            recipient: governor,
            message: `incident ${current.id} moved to your block ${block.name}`,
          },
        ]
      : [];
    try {
      await incidents.store.transition(current, next, event, notify);
      return 'moved';
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err; // someone acted on it meanwhile: read again
    }
  }
  return 'busy'; // someone kept acting on it: the next run of the follow-up tries again
}

/** Days worked on at once while work follows a publish (store calls are latency-bound). */
const FOLLOW_CONCURRENCY = 8;

/**
 * Reports grouped by the day they are counted on: a move or recount updates its day's counter items in the
 * same transaction, so days run in parallel and each day's reports one after another — no two concurrent
 * transactions touch the same counter item (no TransactionConflict among ourselves).
 */
function byCountedDay(items: readonly Incident[]): Incident[][] {
  const days = new Map<string, Incident[]>();
  for (const i of items) {
    const day = cstDay(i.reported_at);
    const list = days.get(day);
    if (list) list.push(i);
    else days.set(day, [i]);
  }
  return [...days.values()];
}

/** Runs `fn` over the reports, days in parallel, each day in order; stops starting new ones when `late()`. */
async function perDay(items: readonly Incident[], late: () => boolean, fn: (i: Incident) => Promise<void>) {
  await eachLimited(
    byCountedDay(items),
    FOLLOW_CONCURRENCY,
    async (day) => {
      for (const i of day) {
        if (late()) return;
        await fn(i);
      }
    },
    late,
  );
}

export interface FollowOptions {
  /** Stop starting new moves after this time (ms since the epoch); the next run continues. */
  deadline?: number;
}

/**
 * Runs after a publish. Idempotent: running it again (e.g. once more after every process has seen
 * the new generation) moves nothing twice, because open incidents are compared with their current
 * block and counters with the block they are currently counted in. With a deadline it may stop early
 * (`complete: false`): the notifier's next rounds (followRecent) finish the rest.
 */
export async function followBoundaries(
  incidents: IncidentService,
  before: LoadedGeneration,
  after: LoadedGeneration,
  coverage: Coverage,
  options: FollowOptions = {},
) {
  const store = incidents.store;
  const late = () => options.deadline !== undefined && Date.now() > options.deadline;
  const touched = new Set(touchedBlocks(before, after));
  const townships = new Set<string>();
  for (const id of touched) townships.add(before.blocks.get(id)!.properties.township_code);
  for (const b of after.blocks.values())
    if (!before.blocks.has(b.properties.id) || touched.has(b.properties.id))
      townships.add(b.properties.township_code);
  let moved = 0;
  let moveDone = 0;
  const toMove = (await allOpen(store)).filter((i) => touched.has(i.block_id));
  let busy = 0;
  await perDay(toMove, late, async (i) => {
    const out = await moveOpen(incidents, i, after, coverage);
    if (out === 'moved') moved++;
    if (out === 'busy') busy++;
    moveDone++;
  });
  // Counters: every report of the last 90 days in the affected townships is counted where its point now lies.
  let recounted = 0;
  let recountDone = 0;
  const recent = late() ? [] : await recentInTownships(store, [...townships], 90);
  await perDay(recent, late, async (i) => {
    recountDone++;
    const r = after.locator.locate(i.lon, i.lat);
    if (!r.inside) return;
    const block = after.blocks.get(r.blockId)!.properties;
    const out = await store.recount(i, { block: block.id, township: block.township_code });
    if (out === 'moved') recounted++;
    if (out === 'busy') busy++;
  });
  const complete = moveDone === toMove.length && !late() && recountDone === recent.length && busy === 0;
  return {
    changed_blocks: touched.size,
    open_incidents_moved: moved,
    counts_moved: recounted,
    follow_complete: complete,
  };
}
