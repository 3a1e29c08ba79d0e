// Property test: 100,000 seeded random points, engine vs a naive Turf loop, grid vs exact index.
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildBlockIndex, OUTSIDE } from '../../core/geo/block-index';
import { buildLocateGrid } from '../../core/geo/locate-grid';
import { fixtureBlocks } from './helpers/fixture-blocks';
import { boundaryPoints, NaiveLocator } from './helpers/naive';

type Blocks = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown> | null>;
// LOCATE_TEST_BLOCKS=<file> runs the real-data case against another blocks file.
const REAL_BLOCKS = process.env.LOCATE_TEST_BLOCKS ?? 'data/geojson/blocks.geojson';
const DISTRICT = 'data/geojson/district.geojson';
const RUNS = 100_000;

function bboxOf(blocks: Blocks): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of blocks.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [x, y] of polys.flat(2)) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}

/**
 * For every point: the exact index returns the first block (index order) that Turf says contains it,
 * or -1 when Turf finds none; Turf finds at most one block unless the point is within 1e-9° of an edge
 * (where the tie-break applies); and the grid returns exactly what the exact index returns.
 */
function checkAgreement(blocks: Blocks, seed: number, district?: NaiveLocator) {
  const index = buildBlockIndex(blocks);
  const grid = buildLocateGrid(index);
  const naive = new NaiveLocator(blocks);
  const [x0, y0, x1, y1] = bboxOf(blocks);
  let inside = 0;
  let gridDisagreements = 0;
  fc.assert(
    fc.property(
      fc.double({ min: x0, max: x1, noNaN: true }),
      fc.double({ min: y0, max: y1, noNaN: true }),
      (x, y) => {
        const turf = naive.containing(x, y);
        const exact = index.locate(x, y);
        expect(exact).toBe(turf.length > 0 ? turf[0] : OUTSIDE);
        if (turf.length > 1) expect(naive.distanceToEdge(x, y)).toBeLessThan(1e-9);
        if (turf.length > 0) inside++;
        // Every point inside the district gets a block (unless it is on the district's very edge).
        if (district && exact === OUTSIDE && district.containing(x, y).length > 0) {
          expect(district.distanceToEdge(x, y)).toBeLessThan(1e-9);
        }
        if (grid.locate(x, y) !== exact) gridDisagreements++;
      },
    ),
    { seed, numRuns: RUNS },
  );
  return { inside, gridDisagreements };
}

describe('engine vs naive Turf loop, 100,000 seeded points in the bounding box', () => {
  it('fixture blocks (Voronoi with enclave, exclave, hole)', () => {
    const { inside, gridDisagreements } = checkAgreement(fixtureBlocks().blocks, 20261122);
    expect(gridDisagreements).toBe(0);
    expect(inside).toBeGreaterThan(RUNS / 2); // the sample really covers the district
  });

  const real = existsSync(REAL_BLOCKS);
  const title = real
    ? `real blocks (${REAL_BLOCKS}), and every vertex and edge midpoint of them`
    : `real blocks: SKIPPED because ${REAL_BLOCKS} does not exist (npm run data:generate makes it)`;
  it.skipIf(!real)(title, () => {
    const blocks = JSON.parse(readFileSync(REAL_BLOCKS, 'utf8')) as Blocks;
    const district = existsSync(DISTRICT)
      ? new NaiveLocator(JSON.parse(readFileSync(DISTRICT, 'utf8')))
      : undefined;
    const { inside, gridDisagreements } = checkAgreement(blocks, 20261123, district);
    expect(gridDisagreements).toBe(0);
    expect(inside).toBeGreaterThan(RUNS / 4);
    const index = buildBlockIndex(blocks);
    const grid = buildLocateGrid(index);
    const naive = new NaiveLocator(blocks);
    // Vertices are on the boundary, so in at least one block; a float midpoint of a slanted edge may
    // fall a hair outside the district, which is then the right answer.
    boundaryPoints(naive.features).forEach(([x, y], k) => {
      const turf = naive.containing(x, y);
      if (k % 2 === 0) expect(turf.length).toBeGreaterThan(0);
      expect(index.locate(x, y)).toBe(turf.length > 0 ? turf[0] : OUTSIDE);
      expect(grid.locate(x, y)).toBe(index.locate(x, y));
    });
  });
});
