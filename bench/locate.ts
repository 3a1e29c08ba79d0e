// Locate benchmark (issue #4): grid vs exact index vs a naive Turf loop on seeded points over the real blocks.
//
//   npm run bench:locate                        # data/geojson/blocks.geojson, 1,000,000 points
//   npm run bench:locate -- --blocks <file>     # any FeatureCollection of blocks
//   npm run bench:locate -- --voronoi <district.geojson>   # fallback: 667 seeded Voronoi blocks of a district
// Exits 1 if the grid and the exact index disagree on any point (speed misses are reported, not fatal:
// the machine is shared, so compare the ratios, which are measured in the same run).
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import turfBbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { type BlockIndex, type BlocksInput, buildBlockIndex } from '../core/geo/block-index';
import {
  buildLocateGrid,
  deserializeLocateGrid,
  type LocateGrid,
  serializeLocateGrid,
} from '../core/geo/locate-grid';
import { Locator } from '../core/geo/locator';
import { prepareBody } from '../functions/http/cached-response';
import { randomPoints } from './lib/random';
import { machineHeader, median, si, table, timed } from './lib/report';
import { voronoiBlocks } from './lib/voronoi-blocks';

const { values: args } = parseArgs({
  options: {
    blocks: { type: 'string', default: 'data/geojson/blocks.geojson' },
    voronoi: { type: 'string' },
    points: { type: 'string', default: '1000000' },
    naive: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '4' },
  },
});
const N = Number(args.points);
const NAIVE_N = Math.min(N, Number(args.naive));
const SEED = Number(args.seed);

function loadBlocks(): { blocks: BlocksInput; source: string } {
  if (args.voronoi) {
    const district = JSON.parse(readFileSync(args.voronoi, 'utf8')) as FeatureCollection;
    return {
      blocks: voronoiBlocks(district, 667, SEED) as BlocksInput,
      source: `667 seeded Voronoi blocks of ${args.voronoi}`,
    };
  }
  if (!existsSync(args.blocks)) {
    console.error(
      `${args.blocks} is missing: generate the blocks first (npm run data:generate), pass --blocks <file>, ` +
        'or bench a Voronoi partition with --voronoi <district.geojson>',
    );
    process.exit(2);
  }
  return { blocks: JSON.parse(readFileSync(args.blocks, 'utf8')), source: args.blocks };
}

function runGrid(grid: LocateGrid, pts: Float64Array, out: Int32Array): void {
  for (let k = 0; k < out.length; k++) out[k] = grid.locate(pts[2 * k], pts[2 * k + 1]);
}

function runLocator(locator: Locator, pts: Float64Array, out: Int32Array): void {
  for (let k = 0; k < out.length; k++) {
    const r = locator.locate(pts[2 * k], pts[2 * k + 1]);
    out[k] = r.inside ? r.blockIndex : -1;
  }
}

function runExact(index: BlockIndex, pts: Float64Array, out: Int32Array): void {
  for (let k = 0; k < out.length; k++) out[k] = index.locate(pts[2 * k], pts[2 * k + 1]);
}

/** The naive baseline: Turf over every block in index order, first hit wins (the tie-break). */
function runTurf(
  features: Feature<Polygon | MultiPolygon>[],
  pts: Float64Array,
  out: Int32Array,
  boxes?: number[][],
) {
  for (let k = 0; k < out.length; k++) {
    const p = [pts[2 * k], pts[2 * k + 1]];
    out[k] = -1;
    for (let b = 0; b < features.length; b++) {
      const bb = boxes?.[b];
      if (bb && (p[0] < bb[0] || p[0] > bb[2] || p[1] < bb[1] || p[1] > bb[3])) continue;
      if (booleanPointInPolygon(p, features[b])) {
        out[k] = b;
        break;
      }
    }
  }
}

const rate = (n: number, ms: number) => (n / ms) * 1000;
const diff = (a: Int32Array, b: Int32Array, n = a.length) =>
  a.subarray(0, n).filter((v, k) => v !== b[k]).length;

const { blocks, source } = loadBlocks();
console.log(machineHeader('locate benchmark'));
console.log(
  `blocks:  ${source} (${blocks.features.length} blocks), ${N.toLocaleString('en')} points, seed ${SEED}\n`,
);

const built = timed(() => buildBlockIndex(blocks));
const index = built.value;
const gridBuild = timed(() => buildLocateGrid(index));
const bytes = serializeLocateGrid(gridBuild.value);
const loads = Array.from({ length: 15 }, () => timed(() => deserializeLocateGrid(bytes, index)));
const grid = loads[0].value;
const stats = grid.stats();

const byId = (f: Feature) => String(f.properties?.id);
const features = [...blocks.features].sort((a, b) => (byId(a) < byId(b) ? -1 : byId(a) > byId(b) ? 1 : 0));
const boxes = features.map((f) => turfBbox(f));
const bb = index.blocks.bboxes;
const extent = [0, 1, 2, 3].map((c) => {
  const col = bb.filter((_, k) => k % 4 === c);
  return c < 2 ? Math.min(...col) : Math.max(...col);
});
const pts = randomPoints(N, extent, SEED);
const gridOut = new Int32Array(N);
const exactOut = new Int32Array(N);
const naiveOut = new Int32Array(NAIVE_N);
const bboxOut = new Int32Array(Math.min(N, 10 * NAIVE_N));

runGrid(grid, pts.subarray(0, 200_000), new Int32Array(100_000)); // warm-up
const gridRuns = Array.from({ length: 7 }, () => timed(() => runGrid(grid, pts, gridOut)).ms);
const locatorOut = new Int32Array(N);
const locatorMs = timed(() => runLocator(new Locator(index, grid), pts, locatorOut)).ms;
const exactMs = timed(() => runExact(index, pts, exactOut)).ms;
const naiveMs = timed(() => runTurf(features, pts, naiveOut)).ms;
const bboxMs = timed(() => runTurf(features, pts, bboxOut, boxes)).ms;

const gridRate = rate(N, median(gridRuns));
const naiveRate = rate(NAIVE_N, naiveMs);
const disagreements = diff(gridOut, exactOut) + diff(locatorOut, exactOut);
const naiveDisagreements = diff(naiveOut, exactOut, NAIVE_N) + diff(bboxOut, exactOut, bboxOut.length);
const inside = exactOut.filter((b) => b >= 0).length;

console.log(
  table(
    ['method', 'points', 'points/s', 'vs naive'],
    [
      ['naive Turf loop (baseline)', NAIVE_N, naiveRate],
      ['Turf + bbox pre-check', bboxOut.length, rate(bboxOut.length, bboxMs)],
      ['exact index (flatbush + hao)', N, rate(N, exactMs)],
      ['grid (median of 7 runs)', N, gridRate],
      ['grid (best of 7 runs)', N, rate(N, Math.min(...gridRuns))],
      ['Locator.locate (grid, result objects)', N, rate(N, locatorMs)],
    ].map(([name, n, r]) => [
      String(name),
      n.toLocaleString('en'),
      si(Number(r)),
      `${(Number(r) / naiveRate).toFixed(0)}×`,
    ]),
  ),
);
const cellM = stats.cellSizeDeg * 111_320;
const loadMs = loads.map((l) => l.ms);
console.log(`
points inside a block:  ${((100 * inside) / N).toFixed(1)} %
disagreements:          grid and Locator vs exact ${disagreements} of ${N.toLocaleString('en')}; Turf vs exact ${naiveDisagreements}
index build:            BlockIndex ${built.ms.toFixed(1)} ms, grid ${gridBuild.ms.toFixed(0)} ms (at publish time)
grid load:              first ${loadMs[0].toFixed(1)} ms, median ${median(loadMs).toFixed(1)} ms (deserialize + checks)
serialized grid:        ${bytes.length.toLocaleString('en')} bytes (${(bytes.length / 2 ** 20).toFixed(2)} MiB)
grid:                   ${stats.nx} × ${stats.ny} cells of ${stats.cellSizeDeg.toPrecision(3)}° (~${cellM.toFixed(0)} m N-S)
boundary cells:         ${stats.boundaryCells.toLocaleString('en')} = ${((100 * stats.boundaryCells) / (stats.nx * stats.ny)).toFixed(2)} % of all cells, ${((100 * stats.boundaryCells) / (stats.nx * stats.ny - stats.outsideCells)).toFixed(1)} % of cells touching the district; ${stats.entries.toLocaleString('en')} segment entries, ${stats.exactCells} cells deferred to the exact index`);

const checksExtra: [string, boolean][] = [];
// Compressed sizes of the boundary responses, built exactly as GET /api/blocks(.topojson) builds them.
{
  const fc = JSON.stringify({ type: 'FeatureCollection', features: blocks.features });
  const geo = prepareBody(fc, 'application/geo+json');
  const topo = prepareBody(JSON.stringify(topology({ blocks: JSON.parse(fc) }, 1e6)), 'application/json');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `\nAPI /api/blocks:          ${kb(geo.identity.length)} raw, ${kb(geo.gzip.length)} gzip, ${kb(geo.br.length)} brotli (limit 60 KB gzip)`,
  );
  console.log(
    `API /api/blocks.topojson: ${kb(topo.identity.length)} raw, ${kb(topo.gzip.length)} gzip, ${kb(topo.br.length)} brotli`,
  );
  checksExtra.push([`/api/blocks ≤ 60 KB gzip (${kb(geo.gzip.length)})`, geo.gzip.length <= 60 * 1024]);
}

const checks: [string, boolean][] = [
  ...checksExtra,
  [`grid ≥ 20 M points/s (${si(gridRate)})`, gridRate >= 20e6],
  [`grid ≥ 500× the naive Turf loop (${(gridRate / naiveRate).toFixed(0)}×)`, gridRate / naiveRate >= 500],
  [`zero disagreements (${disagreements})`, disagreements === 0 && naiveDisagreements === 0],
  [`grid load < 50 ms (first ${loadMs[0].toFixed(1)} ms)`, loadMs[0] < 50],
];
console.log(`\ntargets:\n${checks.map(([what, ok]) => `  ${ok ? 'PASS' : 'MISS'}  ${what}`).join('\n')}`);
if (disagreements > 0 || naiveDisagreements > 0) process.exit(1);
