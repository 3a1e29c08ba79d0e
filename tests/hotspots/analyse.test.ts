// The façade: input layout, window and slices, rate, and patterns and trends of planted clusters over 90 days.
import { describe, expect, it } from 'vitest';
import { type Adjacency, neighboursOf, queenAdjacency } from '../../core/hotspots/adjacency';
import { analyseHotspots } from '../../core/hotspots/analyse';
import { squareGrid, voronoiCoverage } from './helpers/coverages';
import { poisson, seededRandom } from './helpers/random';

const DAYS = 90;

function patch(adj: Adjacency, start: number, size: number): number[] {
  const out = [start];
  for (let k = 0; k < out.length && out.length < size; k++) {
    for (const j of neighboursOf(adj, out[k])) if (!out.includes(j) && out.length < size) out.push(j);
  }
  return out;
}

type Planted = 'steady' | 'rising' | 'fresh';

/**
 * 300 Voronoi blocks, 90 days, background 1 incident/block/day and one planted 8-block cluster:
 * steady (4× every day), rising (2× → 8× over the window) or fresh (0.3× until the last week, then 6×).
 * One cluster per run: slice z-scores are relative to the same week's map, so a fast-growing cluster
 * elsewhere would legitimately make a steady one read as diminishing (docs/hotspots.md).
 */
function scenario(kind: Planted, seed: number) {
  const cov = voronoiCoverage(300, 900 + seed);
  const adj = queenAdjacency(cov.features);
  const [w, s, e, n] = cov.bbox;
  const cluster = patch(adj, cov.locate(w + 0.5 * (e - w), s + 0.5 * (n - s)), 8);
  const rnd = seededRandom(seed);
  const daily = new Float64Array(DAYS * adj.n);
  for (let d = 0; d < DAYS; d++) {
    const planted =
      kind === 'steady' ? 4 : kind === 'rising' ? 2 + (6 * d) / (DAYS - 1) : d >= DAYS - 7 ? 6 : 0.3;
    for (let i = 0; i < adj.n; i++) daily[d * adj.n + i] = poisson(rnd, cluster.includes(i) ? planted : 1);
  }
  const { blocks, summary } = analyseHotspots({ adjacency: adj, dailyCounts: daily, days: DAYS });
  const background = blocks.filter((b) => !cluster.includes(b.block_index));
  const rim = new Set(cluster.flatMap((i) => [...neighboursOf(adj, i)]));
  return { core: blocks[cluster[0]], background, rim, summary };
}

describe('analyseHotspots on a planted cluster', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: steady → persistent, rising → intensifying with trend up, fresh → new`, () => {
      const steady = scenario('steady', seed);
      expect(steady.summary.slices).toBe(12);
      expect(steady.core.bin).toBe(3);
      expect(steady.core.pattern).toBe('persistent');
      expect(steady.core.trend).toBe('none');
      const rising = scenario('rising', seed);
      expect(rising.core.bin).toBe(3);
      expect(rising.core.pattern).toBe('intensifying');
      expect(rising.core.trend).toBe('up');
      const fresh = scenario('fresh', seed);
      expect(fresh.core.pattern).toBe('new');
      for (const run of [steady, rising, fresh]) {
        const trending = run.background.filter((b) => b.trend !== 'none').length;
        expect(trending / run.background.length).toBeLessThan(0.1);
        // Gi* spreads a cluster onto its rim, but noise far away is never hot week after week
        const lasting = run.background.filter((b) =>
          ['persistent', 'intensifying', 'diminishing'].includes(b.pattern),
        );
        expect(lasting.filter((b) => !run.rim.has(b.block_index))).toEqual([]);
      }
    });
  }
});

describe('analyseHotspots input layout and summary', () => {
  const grid = squareGrid(4, 4);
  const adj = queenAdjacency(grid);
  const n = adj.n;
  const days = 30;
  // day-major: block 5 gets d incidents on day d; block 10 gets 2 every day; others 1 on even days
  const daily = new Float64Array(days * n);
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < n; i++) daily[d * n + i] = i === 5 ? d : i === 10 ? 2 : d % 2 === 0 ? 1 : 0;
  }
  const population = Array.from({ length: n }, (_, i) => (i === 10 ? 500 : 1000));

  it('reads dailyCounts[d * n + i] and sums the window per block', () => {
    const { blocks } = analyseHotspots({ adjacency: adj, dailyCounts: daily, days, population });
    expect(blocks[5].count).toBe((29 * 30) / 2);
    expect(blocks[10].count).toBe(60);
    expect(blocks[0].count).toBe(15);
    expect(blocks[5].trend).toBe('up');
    expect(blocks[10].trend).toBe('none');
    expect(blocks[10].rate).toBeCloseTo(120, 12);
    expect(blocks[5].block_id).toBe('r1c1');
  });

  it('takes only the last windowDays days and cuts weekly slices back from the last day', () => {
    const { blocks, summary } = analyseHotspots(
      { adjacency: adj, dailyCounts: daily, days },
      { windowDays: 10 },
    );
    expect(blocks[5].count).toBe(20 + 21 + 22 + 23 + 24 + 25 + 26 + 27 + 28 + 29);
    expect(summary.slices).toBe(1);
    expect(summary.window_days).toBe(10);
  });

  it('runs Gi* on rates when asked, and says what to fix when it cannot', () => {
    const byCount = analyseHotspots({ adjacency: adj, dailyCounts: daily, days, population });
    const byRate = analyseHotspots(
      { adjacency: adj, dailyCounts: daily, days, population },
      { metric: 'rate' },
    );
    expect(byRate.summary.metric).toBe('rate');
    expect(byRate.blocks[10].z).toBeGreaterThan(byCount.blocks[10].z); // block 10 has half the residents
    expect(() => analyseHotspots({ adjacency: adj, dailyCounts: daily, days }, { metric: 'rate' })).toThrow(
      /needs a population/,
    );
    const zero: number[] = [...population];
    zero[3] = 0;
    expect(() =>
      analyseHotspots({ adjacency: adj, dailyCounts: daily, days, population: zero }, { metric: 'rate' }),
    ).toThrow(/block #3 has population 0/);
    expect(() => analyseHotspots({ adjacency: adj, dailyCounts: daily, days: 29 })).toThrow(/days × blocks/);
    expect(() => analyseHotspots({ adjacency: adj, dailyCounts: daily, days }, { windowDays: 31 })).toThrow(
      /windowDays/,
    );
  });

  it('summarises bins, patterns and the top ten by z', () => {
    const { blocks, summary } = analyseHotspots({ adjacency: adj, dailyCounts: daily, days });
    expect(Object.values(summary.by_bin).reduce((a, b) => a + b, 0)).toBe(n);
    expect(Object.values(summary.by_pattern).reduce((a, b) => a + b, 0)).toBe(n);
    expect(summary.top).toHaveLength(10);
    expect(summary.top[0].block_index).toBe(blocks.reduce((a, b) => (b.z > a.z ? b : a)).block_index);
    for (let k = 1; k < 10; k++) expect(summary.top[k].z).toBeLessThanOrEqual(summary.top[k - 1].z);
    expect(summary.total_count).toBe(blocks.reduce((a, b) => a + b.count, 0));
  });
});
