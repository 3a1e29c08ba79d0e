// Benchmark: full hot-spot analysis (Gi* window + weekly slices + Mann-Kendall + patterns) for 667 blocks × 90 days.
//
// Run: npx tsx bench/hotspots.ts [repetitions]
// Uses data/geojson/blocks.geojson when present (real adjacency), else a seeded synthetic Voronoi
// coverage of 667 blocks. Baseline in the same run: Gi* with a dense n × n weight matrix.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { type BlockFeature, queenAdjacency } from '../core/hotspots/adjacency';
import { analyseHotspots } from '../core/hotspots/analyse';
import { emergingPatterns } from '../core/hotspots/emerging';
import { confidenceBins, giStar } from '../core/hotspots/gi-star';
import { twoSidedP } from '../core/hotspots/normal';
import { voronoiCoverage } from '../tests/hotspots/helpers/coverages';
import { denseWeights, naiveGiStar } from '../tests/hotspots/helpers/naive-gi-star';
import { poisson, seededRandom } from '../tests/hotspots/helpers/random';
import { measureStoreCost } from './lib/store-cost';

const BLOCKS = 667;
const DAYS = 90;
const REPS = Number(process.argv[2] ?? 200);
const TARGET_MS = 30;

function loadBlocks(): { features: BlockFeature[]; source: string } {
  const file = join(import.meta.dirname, '..', 'data', 'geojson', 'blocks.geojson');
  if (existsSync(file)) {
    const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: BlockFeature[] };
    return {
      features: fc.features,
      source: `data/geojson/blocks.geojson (${fc.features.length} real blocks)`,
    };
  }
  const { features } = voronoiCoverage(BLOCKS, 42);
  return {
    features,
    source: `synthetic seeded Voronoi coverage, ${BLOCKS} blocks (data/geojson/blocks.geojson absent)`,
  };
}

/** Median and 95th percentile (ms) of `reps` timed calls after a warm-up. */
function time(reps: number, fn: () => unknown): { median: number; p95: number } {
  let sink = 0;
  for (let k = 0; k < Math.min(20, reps); k++) sink += fn() ? 1 : 0;
  const ms: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    sink += fn() ? 1 : 0;
    ms.push(performance.now() - t0);
  }
  if (sink < 0) console.log(sink);
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(reps / 2)], p95: ms[Math.min(reps - 1, Math.floor(reps * 0.95))] };
}

const f = (v: number) => v.toFixed(3).padStart(8);

const { features, source } = loadBlocks();
const t0 = performance.now();
const adjacency = queenAdjacency(features);
const adjacencyMs = performance.now() - t0;
const n = adjacency.n;

// Seeded data: ~0.3 incidents/block/day (≈ 200/day district-wide), 5 % of blocks 4× busier; residents from
// properties.population_est when every block has one, else seeded 300–3,000.
const rnd = seededRandom(7);
const busy = Float64Array.from({ length: n }, () => (rnd() < 0.05 ? 4 : 1));
const dailyCounts = new Float64Array(DAYS * n);
for (let d = 0; d < DAYS; d++)
  for (let i = 0; i < n; i++) dailyCounts[d * n + i] = poisson(rnd, 0.3 * busy[i]);
const estimates = features.map((f) => Number(f.properties?.population_est));
const realPopulation = estimates.every((v) => v > 0);
const population = realPopulation
  ? Float64Array.from(estimates)
  : Float64Array.from({ length: n }, () => 300 + Math.floor(rnd() * 2700));
const input = { adjacency, dailyCounts, days: DAYS, population };

const window = new Float64Array(n);
for (let d = 0; d < DAYS; d++) for (let i = 0; i < n; i++) window[i] += dailyCounts[d * n + i];
const dense = denseWeights(adjacency);

/** The same pipeline written the obvious way: dense-matrix Gi* for window and slices, O(n²) Mann-Kendall. */
function naiveAnalysis(): number {
  const sum = (from: number, to: number) => {
    const v = new Float64Array(n);
    for (let d = from; d < to; d++) for (let i = 0; i < n; i++) v[i] += dailyCounts[d * n + i];
    return v;
  };
  const g = naiveGiStar(sum(0, DAYS), dense);
  const bins = confidenceBins(g.z, g.p);
  const sliceBins: Int8Array[] = [];
  const sliceZ: Float64Array[] = [];
  for (let from = DAYS % 7; from < DAYS; from += 7) {
    const sg = naiveGiStar(sum(from, from + 7), dense);
    sliceZ.push(sg.z);
    sliceBins.push(confidenceBins(sg.z, sg.p));
  }
  const patterns = emergingPatterns(sliceBins, sliceZ);
  let trends = 0;
  for (let i = 0; i < n; i++) {
    const xs = Array.from({ length: DAYS }, (_, d) => dailyCounts[d * n + i]);
    let s = 0;
    for (let a = 0; a < DAYS; a++) for (let b = a + 1; b < DAYS; b++) s += Math.sign(xs[b] - xs[a]);
    const groups = new Map<number, number>();
    for (const v of xs) groups.set(v, (groups.get(v) ?? 0) + 1);
    let ties = 0;
    for (const t of groups.values()) ties += t * (t - 1) * (2 * t + 5);
    const varS = (DAYS * (DAYS - 1) * (2 * DAYS + 5) - ties) / 18;
    if (twoSidedP((s - Math.sign(s)) / Math.sqrt(varS)) < 0.05) trends++;
  }
  return bins.length + patterns.length + trends;
}

const csr = time(REPS * 10, () => giStar(window, adjacency));
const naive = time(REPS, () => naiveGiStar(window, dense));
const full = time(REPS, () => analyseHotspots(input));
const fullRateFdr = time(REPS, () => analyseHotspots(input, { metric: 'rate', fdr: true }));
const fullNaive = time(Math.max(5, Math.round(REPS / 4)), naiveAnalysis);
const result = analyseHotspots(input);

console.log('# bench/hotspots — Gi* + weekly emerging patterns + Mann-Kendall');
console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, node ${process.version}`,
);
console.log(`date:    ${new Date().toISOString()}`);
console.log(`blocks:  ${source}`);
console.log(
  `data:    ${DAYS} days of seeded Poisson counts (${result.summary.total_count} incidents), ` +
    `${result.summary.slices} weekly slices, ${REPS} repetitions (Gi*-only: ${REPS * 10}); ` +
    `residents: ${realPopulation ? 'population_est' : 'synthetic'}`,
);
console.log(
  `adjacency (once per generation): ${adjacencyMs.toFixed(1)} ms, ${(adjacency.neighbours.length / n).toFixed(2)} neighbours/block`,
);
console.log('');
console.log('                                         median ms   p95 ms');
console.log(`Gi* window, CSR (ours)                   ${f(csr.median)} ${f(csr.p95)}`);
console.log(`Gi* window, dense n×n weights (baseline) ${f(naive.median)} ${f(naive.p95)}`);
console.log(`full analysis, metric=count              ${f(full.median)} ${f(full.p95)}`);
console.log(`full analysis, metric=rate + FDR         ${f(fullRateFdr.median)} ${f(fullRateFdr.p95)}`);
console.log(`full analysis, naive (baseline)          ${f(fullNaive.median)} ${f(fullNaive.p95)}`);
console.log('');
console.log(`ratio Gi*: dense / CSR = ${(naive.median / csr.median).toFixed(1)}×`);
console.log(`ratio full analysis: naive / ours = ${(fullNaive.median / full.median).toFixed(1)}×`);
const worst = Math.max(full.median, fullRateFdr.median);
console.log(
  `target: full analysis < ${TARGET_MS} ms → ${worst < TARGET_MS ? 'PASS' : 'FAIL'} (${worst.toFixed(2)} ms)`,
);
console.log('');
// Store read cost: what one 90-day request reads from DynamoDB (Local), at 20k and 1M incidents.
const costs = await measureStoreCost(seededRandom(7));
for (const c of costs) {
  console.log(
    `store read, 90-day window, ${c.incidents.toLocaleString('en')} incidents stored: ${c.itemsRead} items in ${c.requests} BatchGet requests, ${c.ms.toFixed(0)} ms end to end`,
  );
}
console.log(
  `store read grows with incidents: ${costs[1].itemsRead > costs[0].itemsRead * 1.1 ? 'YES (FAIL)' : 'no (PASS)'}`,
);
