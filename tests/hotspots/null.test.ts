// Hot spots must come from data, not noise: false-positive rates under uniform scatter, and a planted cluster.
import { describe, expect, it } from 'vitest';
import { type Adjacency, neighboursOf, queenAdjacency } from '../../core/hotspots/adjacency';
import { analyseHotspots } from '../../core/hotspots/analyse';
import { confidenceBins, giStar } from '../../core/hotspots/gi-star';
import { blockAreas, jitteredGrid, scatterByArea, voronoiCoverage } from './helpers/coverages';
import { poisson, seededRandom } from './helpers/random';

const SEEDS = 12;
const share = (bins: Int8Array, keep: (b: number) => boolean) => bins.filter(keep).length / bins.length;
const significant = (b: number) => b !== 0;

describe('null: incidents scattered uniformly at random', () => {
  it('on a jittered 18 × 18 grid, counts give about the nominal 10 % at ≥ 90 %, and < 3 % with FDR', () => {
    let plain = 0;
    let fdr = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const grid = jitteredGrid(18, 18, 0.25, seed);
      const adj = queenAdjacency(grid.features);
      const counts = scatterByArea(grid.areas, 10 * adj.n, seededRandom(1000 + seed));
      const { z, p } = giStar(counts, adj);
      plain += share(confidenceBins(z, p), significant) / SEEDS;
      fdr += share(confidenceBins(z, p, { fdr: true }), significant) / SEEDS;
    }
    expect(plain).toBeGreaterThan(0.04);
    expect(plain).toBeLessThan(0.16);
    expect(fdr).toBeLessThan(0.03);
  });

  it('on a Voronoi coverage with residents ∝ area, the rate metric does the same through the façade', () => {
    let plain = 0;
    let fdr = 0;
    let lasting = 0;
    const days = 90;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const cov = voronoiCoverage(300, 200 + seed);
      const adj = queenAdjacency(cov.features);
      const areas = blockAreas(cov.features);
      const meanArea = areas.reduce((a, b) => a + b, 0) / areas.length;
      const population = areas.map((a) => Math.round((1500 * a) / meanArea));
      const rnd = seededRandom(3000 + seed);
      const daily = new Float64Array(days * adj.n);
      for (let d = 0; d < days; d++) {
        const today = scatterByArea(areas, Math.round((10 * adj.n) / days), rnd);
        daily.set(today, d * adj.n);
      }
      const input = { adjacency: adj, dailyCounts: daily, days, population };
      const a = analyseHotspots(input, { metric: 'rate' });
      const b = analyseHotspots(input, { metric: 'rate', fdr: true });
      plain += a.blocks.filter((r) => r.bin !== 0).length / adj.n / SEEDS;
      fdr += b.blocks.filter((r) => r.bin !== 0).length / adj.n / SEEDS;
      const { persistent, intensifying, diminishing, historical } = a.summary.by_pattern;
      lasting += (persistent + intensifying + diminishing + historical) / adj.n / SEEDS;
    }
    expect(plain).toBeGreaterThan(0.04);
    expect(plain).toBeLessThan(0.16);
    expect(fdr).toBeLessThan(0.03);
    expect(lasting).toBeLessThan(0.01); // noise is never hot week after week
  });

  it('on unequal blocks, raw counts flag the big blocks: why the rate metric exists', () => {
    const cov = voronoiCoverage(300, 5);
    const adj = queenAdjacency(cov.features);
    const areas = blockAreas(cov.features);
    const counts = scatterByArea(areas, 3000, seededRandom(6));
    const byCount = giStar(counts, adj);
    const byRate = giStar(
      counts.map((c, i) => c / areas[i]),
      adj,
    );
    const hotCount = share(confidenceBins(byCount.z, byCount.p), (b) => b > 0);
    const hotRate = share(confidenceBins(byRate.z, byRate.p), (b) => b > 0);
    expect(hotCount).toBeGreaterThan(2 * hotRate);
  });
});

/** Block `start` and its neighbours breadth-first, `size` blocks in all. */
function patch(adj: Adjacency, start: number, size: number): number[] {
  const out = [start];
  for (let k = 0; k < out.length && out.length < size; k++) {
    for (const j of neighboursOf(adj, out[k])) {
      if (!out.includes(j) && out.length < size) out.push(j);
    }
  }
  return out;
}

describe('planted cluster', () => {
  it('8 adjacent blocks at 5× the background rate come out +3; a quiet patch is never hot', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const cov = voronoiCoverage(300, 400 + seed);
      const adj = queenAdjacency(cov.features);
      const [w, s, e, n] = cov.bbox;
      const cluster = patch(adj, cov.locate(w + 0.3 * (e - w), s + 0.6 * (n - s)), 8);
      const quiet = patch(adj, cov.locate(w + 0.75 * (e - w), s + 0.3 * (n - s)), 8);
      const rnd = seededRandom(500 + seed);
      const counts = Array.from({ length: adj.n }, (_, i) =>
        poisson(rnd, cluster.includes(i) ? 50 : quiet.includes(i) ? 2 : 10),
      );
      const { z, p } = giStar(counts, adj);
      const bins = confidenceBins(z, p);
      expect(cluster.map((i) => bins[i])).toEqual(new Array(8).fill(3));
      expect(quiet.every((i) => bins[i] <= 0)).toBe(true);
      expect(bins[quiet[0]]).toBeLessThan(0); // the middle of the quiet patch is a cold spot
      // FDR lowers the 99 % cut-off to ~0.0007 here, so a rim block with z ≈ 3.2 may drop to +2, never lower.
      const fdr = confidenceBins(z, p, { fdr: true });
      expect(fdr[cluster[0]]).toBe(3);
      expect(cluster.every((i) => fdr[i] >= 2)).toBe(true);
      expect(quiet.every((i) => fdr[i] <= 0)).toBe(true);
    }
  });
});
