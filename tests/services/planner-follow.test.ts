// Work follows a publish (functions/services/planner-follow.ts): open incidents move to the block their point
// now lies in, days in parallel but each day's reports one after another (their counter items are shared),
// and a time budget may stop it early — a later run finishes the rest without moving anything twice.
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../core/incidents/incident.js';
import { cstDay } from '../../core/incidents/sla.js';
import type { Coverage } from '../../core/planner/coverage.js';
import type { LoadedGeneration } from '../../functions/services/boundaries.js';
import type { IncidentService } from '../../functions/services/incidents.js';
import { followBoundaries } from '../../functions/services/planner-follow.js';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const block = (id: string, x: number) => ({
  type: 'Feature',
  properties: { id, name: id, township_code: '430302001', community_code: '430302001001' },
  geometry: square(x),
});

/** Generation 1 has block A; generation 2 calls the same ground B (A is gone). */
function generations() {
  const before = { blocks: new Map([['A', block('A', 0)]]) } as unknown as LoadedGeneration;
  const after = {
    meta: { generation: 2 },
    blocks: new Map([['B', block('B', 0)]]),
    locator: { locate: () => ({ inside: true, blockId: 'B' }) },
  } as unknown as LoadedGeneration;
  return { before, after };
}

/** An incident store in memory that checks no two writes of one counted day overlap. */
function fakeIncidents(days: number, perDay: number, recount: () => 'same' | 'busy' = () => 'same') {
  const items = new Map<string, Incident>();
  for (let d = 0; d < days; d++)
    for (let k = 0; k < perDay; k++) {
      const id = `YH-${d}-${k}`;
      items.set(id, {
        id,
        version: 1,
        status: 'reported',
        block_id: 'A',
        township_code: '430302001',
        community_code: '430302001001',
        // Half just before, half just after midnight in China (15:30 / 16:30 UTC): the counted day is the CST one.
        reported_at: new Date(Date.UTC(2026, 10, 1 + d, k % 2 ? 16 : 15, 30)).toISOString(),
        lon: 0.5,
        lat: 0.5,
      } as Incident);
    }
  const busyDays = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;
  let sameDayOverlaps = 0;
  const store = {
    listOpen: async () => ({ items: [...items.values()], cursor: null }),
    listByTownship: async () => ({ items: [...items.values()], cursor: null }),
    get: async (id: string) => items.get(id) ?? null,
    async transition(before: Incident, next: Incident) {
      const day = cstDay(before.reported_at);
      if (busyDays.has(day)) sameDayOverlaps++;
      busyDays.add(day);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      items.set(next.id, next);
      inFlight--;
      busyDays.delete(day);
    },
    recount: async () => recount(),
  };
  return {
    service: { store } as unknown as IncidentService,
    stats: () => ({ maxInFlight, sameDayOverlaps }),
    blocks: () => [...items.values()].map((i) => i.block_id),
  };
}

const coverage = {
  blocks: [],
  assignments: { B: { governor: 'C00001' } },
  retired_ids: [],
} as unknown as Coverage;

describe('work follows a publish', () => {
  it('moves every open incident, several days at once but never two of one day at the same time', async () => {
    const { before, after } = generations();
    const incidents = fakeIncidents(12, 5);
    const out = await followBoundaries(incidents.service, before, after, coverage);
    expect(out).toMatchObject({ open_incidents_moved: 60, follow_complete: true });
    expect(new Set(incidents.blocks())).toEqual(new Set(['B']));
    expect(incidents.stats().sameDayOverlaps).toBe(0);
    expect(incidents.stats().maxInFlight).toBeGreaterThan(1);
  });

  it('is not complete while a recount keeps conflicting with other writers (the notifier retries it)', async () => {
    const { before, after } = generations();
    const incidents = fakeIncidents(2, 3, () => 'busy');
    const out = await followBoundaries(incidents.service, before, after, coverage);
    expect(out).toMatchObject({ open_incidents_moved: 6, follow_complete: false });
  });

  it('stops at its deadline and says so; the next run moves the rest, nothing twice', async () => {
    const { before, after } = generations();
    const incidents = fakeIncidents(4, 10);
    const first = await followBoundaries(incidents.service, before, after, coverage, {
      deadline: Date.now() - 1,
    });
    expect(first).toMatchObject({ open_incidents_moved: 0, follow_complete: false });
    const second = await followBoundaries(incidents.service, before, after, coverage);
    expect(second).toMatchObject({ open_incidents_moved: 40, follow_complete: true });
    const third = await followBoundaries(incidents.service, before, after, coverage);
    expect(third).toMatchObject({ open_incidents_moved: 0, follow_complete: true });
  });
});
