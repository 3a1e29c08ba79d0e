// The duplicate hint reads only the blocks around the point (their by-block index), not a township's week:
// a report across a block border is still found, and the reads do not grow with the township's traffic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../core/incidents/incident.js';
import type { IncidentStore, ListQuery } from '../../core/incidents/ports.js';
import { blocksNear, nearbyOpen } from '../../functions/services/incident-queries.js';
import { createSeededStack } from '../helpers/store.js';

type Stack = Awaited<ReturnType<typeof createSeededStack>>;
const NOW = new Date('2026-11-20T08:00:00Z');

/** An open roads report of 2026-11-19 (the day before NOW), with `fields` on top. */
const report = (fields: Partial<Incident>) =>
  ({
    version: 1,
    status: 'reported',
    category: 'roads_traffic',
    class: 'A',
    sensitive: false,
    reported_at: '2026-11-19T08:00:00.000Z',
    ...fields,
  }) as Incident;

/** An in-memory store that records which listings were read. */
function fakeStore(incidents: Incident[]) {
  const reads: string[] = [];
  const page = (items: Incident[], q: ListQuery) => ({
    items: items.filter((i) => !q.since || i.reported_at >= q.since),
    cursor: null,
  });
  const store = {
    listByBlock: async (block: string, q: ListQuery) => {
      reads.push(`block:${block}`);
      return page(
        incidents.filter((i) => i.block_id === block),
        q,
      );
    },
    listByTownship: async (township: string, q: ListQuery) => {
      reads.push(`township:${township}`);
      return page(
        incidents.filter((i) => i.township_code === township),
        q,
      );
    },
  } as unknown as IncidentStore;
  return { store, reads };
}

describe('duplicate hint (nearby open reports)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await createSeededStack();
  });
  afterAll(() => stack?.runtime.clients.raw.destroy());

  it('finds an open report 30 m away in the neighbouring block, reading only the blocks near the point', async () => {
    const loaded = await stack.runtime.services.boundaries.get();
    // A corner shared by exactly two blocks of one township, away from the outline: step 15 m to each side.
    const blocks = [...loaded.blocks.values()];
    const ring = (id: string) => (loaded.blocks.get(id)!.geometry.coordinates[0] as number[][]).slice(0, -1);
    let pair: { a: string; b: string; p: number[]; q: number[] } | null = null;
    for (const blk of blocks) {
      const r = ring(blk.properties.id);
      for (let k = 0; k < r.length && !pair; k++) {
        const [u, v] = [r[k], r[(k + 1) % r.length]];
        const mid = [(u[0] + v[0]) / 2, (u[1] + v[1]) / 2];
        const len = Math.hypot((v[0] - u[0]) * 98_400, (v[1] - u[1]) * 111_000);
        if (len < 200) continue;
        // Normal to the edge, 15 m each way.
        const nx = -(v[1] - u[1]) * 111_000;
        const ny = (v[0] - u[0]) * 98_400;
        const n = Math.hypot(nx, ny);
        const p = [mid[0] + ((nx / n) * 15) / 98_400, mid[1] + ((ny / n) * 15) / 111_000];
        const q = [mid[0] - ((nx / n) * 15) / 98_400, mid[1] - ((ny / n) * 15) / 111_000];
        const [lp, lq] = [loaded.locator.locate(p[0], p[1]), loaded.locator.locate(q[0], q[1])];
        if (lp.inside && lq.inside && lp.blockId !== lq.blockId)
          pair = { a: lp.blockId, b: lq.blockId, p, q };
      }
      if (pair) break;
    }
    expect(pair).not.toBeNull();
    const { a, b, p, q } = pair!;
    const township = loaded.blocks.get(b)!.properties.township_code;
    // The neighbour's report, plus a busy township: 500 other reports in other blocks of it this week.
    const neighbour = report({ id: 'YH-1', block_id: b, township_code: township, lon: q[0], lat: q[1] });
    const noise = Array.from({ length: 500 }, (_, i) =>
      report({ id: `YH-N${i}`, block_id: `elsewhere-${i % 20}`, township_code: township, lon: 0, lat: 0 }),
    );
    const { store, reads } = fakeStore([neighbour, ...noise]);
    const found = await nearbyOpen(store, loaded, { lon: p[0], lat: p[1], category: 'roads_traffic' }, NOW);
    expect(found.map((f) => f.id)).toEqual(['YH-1']);
    expect(found[0].distance_m).toBeGreaterThanOrEqual(25);
    expect(found[0].distance_m).toBeLessThanOrEqual(35);
    expect(reads.every((r) => r.startsWith('block:'))).toBe(true);
    expect(reads).toContain(`block:${a}`);
    expect(reads).toContain(`block:${b}`);
    expect(reads.length).toBe(blocksNear(loaded, p[0], p[1], 50).length);
    expect(reads.length).toBeLessThanOrEqual(6);
  });

  it('ignores closed, resolved, sensitive, other-category and older-than-7-days reports', async () => {
    const loaded = await stack.runtime.services.boundaries.get();
    const blk = [...loaded.blocks.values()][100];
    const [lon, lat] = blk.geometry.coordinates[0][0] as number[];
    const r = loaded.locator.locate(lon, lat);
    const block = r.inside ? r.blockId : blk.properties.id;
    const mk = (id: string, extra: Partial<Incident>) =>
      report({
        id,
        block_id: block,
        township_code: blk.properties.township_code,
        lon,
        lat,
        ...extra,
      });
    const { store } = fakeStore([
      mk('open', {}),
      mk('closed', { status: 'closed' }),
      mk('resolved', { status: 'resolved' }),
      mk('sensitive', { sensitive: true }),
      mk('other', { category: 'noise' } as Partial<Incident>),
      mk('old', { reported_at: '2026-11-01T08:00:00.000Z' }),
    ]);
    const found = await nearbyOpen(store, loaded, { lon, lat, category: 'roads_traffic' }, NOW);
    expect(found.map((f) => f.id)).toEqual(['open']);
  });
});
