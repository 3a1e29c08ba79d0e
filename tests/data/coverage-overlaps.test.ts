// Overlaps however small (#8): a border crossing a neighbour's, or running into it from a shared corner, is refused.
import area from '@turf/area';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { type Geom, intersection } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { findCornerOverlaps } from '../../core/geography/corner-overlaps';
import { checkCoverage } from '../../core/geography/coverage';
import { findBorderCrossings } from '../../core/geography/crossings';
import { distanceToBoundaryM, M_PER_DEG_LAT, M_PER_DEG_LON } from '../../core/geography/geom';
import { checkGeography, checkTopology } from '../../core/geography/invariants';
import { findTJunctions } from '../../core/geography/topology';
import { copy, outerRing, round6, rules, sharedEdge, shipped } from './helpers';

type Block = Feature<Polygon, { id: string }>;

// Rings are written in metres east/north of a point near Yuhu and stored on the 1e-6° grid, as blocks are.
const LON0 = 112.85;
const LAT0 = 27.9;
const lonLat = ([x, y]: number[]) => [round6(LON0 + x / M_PER_DEG_LON), round6(LAT0 + y / M_PER_DEG_LAT)];
const toMetres = ([lon, lat]: number[]) => [(lon - LON0) * M_PER_DEG_LON, (lat - LAT0) * M_PER_DEG_LAT];
const block = (id: string, ring: number[][]): Block => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]].map(lonLat)] },
});
const byId = (b: { properties: { id: string } }) => b.properties.id;
/** Both new rules: no border crossing another, none running into a neighbour from a shared corner. */
const overlaps = (blocks: Block[]) => [
  ...findBorderCrossings(blocks, byId),
  ...findCornerOverlaps(blocks, byId),
];
/** Area (m²) that blocks a and b both cover. */
const sharedM2 = (a: Polygon, b: Polygon) =>
  area({
    type: 'MultiPolygon',
    coordinates: intersection(a.coordinates as Geom, b.coordinates as Geom),
  } as MultiPolygon);
/** A counter-clockwise w × h rectangle with its south-west corner at (x, y), in metres. */
const rect = (x: number, y: number, w: number, h: number) => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];

// A 10 km × 10 km district tiled by a west and an east block meeting along x = 5,000 m, with shared
// corners at y = 4,995 and 5,009 m on that border.
const district: Polygon = {
  type: 'Polygon',
  coordinates: [[...rect(0, 0, 10_000, 10_000), [0, 0]].map(lonLat)],
};
const EAST = block('E', [
  [5_000, 0],
  [10_000, 0],
  [10_000, 10_000],
  [5_000, 10_000],
  [5_000, 5_009],
  [5_000, 4_995],
]);
const WEST = block('W', [
  [0, 0],
  [5_000, 0],
  [5_000, 4_995],
  [5_000, 5_009],
  [5_000, 10_000],
  [0, 10_000],
]);

describe('an overlap under the 10 m² total', () => {
  // The west border leaves the shared line 0.2 m inside W (beyond the T-junction check's 0.15 m), runs
  // 2 m into E, 4 m north and back: a 2 m × 4 m overlap; the lead-ins leave two gap slivers of 0.5 m².
  const bulging = block('W', [
    [0, 0],
    [5_000, 0],
    [5_000, 4_995],
    [4_999.8, 5_000],
    [5_002, 5_000],
    [5_002, 5_004],
    [4_999.8, 5_004],
    [5_000, 5_009],
    [5_000, 10_000],
    [0, 10_000],
  ]);

  it('passes the area rules and the T-junction check, yet the border crossings are refused where they are', () => {
    const m2 = sharedM2(bulging.geometry, EAST.geometry);
    expect(m2).toBeGreaterThan(7.5);
    expect(m2).toBeLessThan(8.5);
    expect(checkCoverage([bulging, EAST], district, byId)).toEqual([]);
    expect(findTJunctions([bulging, EAST], byId)).toEqual([]);

    const crossings = findBorderCrossings([bulging, EAST], byId);
    expect(crossings.map((v) => [v.rule, v.feature])).toEqual([
      ['overlap_crossing', 'W'],
      ['overlap_crossing', 'W'],
    ]);
    // Each point is on the 1e-6° grid, on E's border, where W's border crosses it: (5,000, 5,000) and (5,000, 5,004).
    const points = crossings.map((v) => [v.numbers!.lon, v.numbers!.lat]);
    for (const [p, y] of [
      [points[0], 5_000],
      [points[1], 5_004],
    ] as const) {
      expect(p.map(round6)).toEqual(p);
      expect(distanceToBoundaryM(p, EAST.geometry)).toBeLessThan(0.1);
      const [mx, my] = toMetres(p);
      expect(Math.abs(mx - 5_000)).toBeLessThan(0.1);
      expect(Math.abs(my - y)).toBeLessThan(0.1);
    }
    expect(crossings[0].message).toBe(
      `border of W crosses border of E at ${JSON.stringify(points[0])}, so the two overlap there; move the border of one back so the two meet only at shared corners`,
    );
  });

  it('is refused when the bulge starts and ends at shared corners (no border crosses)', () => {
    // W goes from the shared corner (5,000, 4,999) 2 m into E and back to the shared corner (5,000, 5,004).
    const corner = [
      [0, 0],
      [5_000, 0],
      [5_000, 4_999],
      [5_002, 5_000],
      [5_002, 5_003],
      [5_000, 5_004],
      [5_000, 10_000],
      [0, 10_000],
    ];
    const east = block('E', [
      [5_000, 0],
      [10_000, 0],
      [10_000, 10_000],
      [5_000, 10_000],
      [5_000, 5_004],
      [5_000, 4_999],
    ]);
    const west = block('W', corner);
    expect(sharedM2(west.geometry, east.geometry)).toBeLessThan(10);
    expect(checkCoverage([west, east], district, byId)).toEqual([]);
    expect(findTJunctions([west, east], byId)).toEqual([]);
    expect(findBorderCrossings([west, east], byId)).toEqual([]);
    const found = findCornerOverlaps([west, east], byId);
    expect(found.map((v) => v.rule)).toEqual(['overlap_corner', 'overlap_corner']);
    expect(found.map((v) => toMetres([v.numbers!.lon, v.numbers!.lat]).map(Math.round))).toEqual([
      [5_000, 4_999],
      [5_000, 5_004],
    ]);
    // W's border runs into E, and E's border between the two corners now lies inside W.
    expect(found[0].message).toMatch(/^borders of W and E run into each other from their shared corner \[/);
  });

  it('is refused for a corner of one block inside a neighbour’s corner, and for a duplicated block', () => {
    // A 10 m triangle drawn into the corner of E it shares: both of its borders run into E.
    const wedge = block('T', [
      [5_000, 0],
      [5_010, 1],
      [5_001, 10],
    ]);
    const inside = findCornerOverlaps([EAST, wedge], byId);
    expect(inside.map((v) => v.feature)).toEqual(['T']);
    expect(inside[0].message).toMatch(/^border of T runs from the corner \[.*\] it shares with E into E/);

    const twin = block('E2', rect(0, 0, 100, 100));
    const found = findCornerOverlaps([block('E1', rect(0, 0, 100, 100)), twin], byId);
    expect(found).toHaveLength(4); // every corner
    expect(found[0].message).toMatch(/^E1 and E2 lie on the same side of their shared corner/);
  });

  it('lists at most the limit and says how many there are', () => {
    const found = findBorderCrossings([bulging, EAST], byId, 1);
    expect(found.map((v) => v.rule)).toEqual(['overlap_crossing', 'overlap_crossing']);
    expect(found[1]).toMatchObject({ feature: 'blocks', numbers: { total: 2, listed: 1 } });
    expect(found[1].message).toMatch(/^2 border crossings in total; only the first 1 are listed/);
  });
});

describe('blocks that only meet at shared corners', () => {
  it('are accepted: shared edges, a four-way corner, a corner touch and a reflex corner', () => {
    const grid = [0, 1, 2].flatMap((i) =>
      [0, 1, 2].map((j) => block(`G${i}${j}`, rect(i * 100, j * 100, 100, 100))),
    );
    expect(overlaps([WEST, EAST])).toEqual([]);
    expect(overlaps(grid)).toEqual([]);
    // Diagonal squares touching at one corner, and an L-shaped block wrapping a square.
    expect(overlaps([block('A', rect(0, 0, 10, 10)), block('B', rect(10, 10, 10, 10))])).toEqual([]);
    const ell = block('L', [
      [1_000, 0],
      [2_000, 0],
      [2_000, 2_000],
      [0, 2_000],
      [0, 1_000],
      [1_000, 1_000],
    ]);
    expect(overlaps([ell, block('S', rect(0, 0, 1_000, 1_000))])).toEqual([]);
  });

  it('are accepted in the shipped data (667 blocks)', () => {
    const blocks = shipped().blocks.features;
    expect(findBorderCrossings(blocks, byId)).toEqual([]);
    expect(findCornerOverlaps(blocks, byId)).toEqual([]);
  });
});

/** An n × n grid of quads with jittered corners (metres), every corner shared by the blocks around it. */
function jitteredGrid(n: number, cell: number, jitter: number[]): Block[] {
  const node = (i: number, j: number) => {
    const inner = i > 0 && i < n && j > 0 && j < n;
    const k = (i * (n + 1) + j) * 2;
    return [i * cell + (inner ? jitter[k] * cell : 0), j * cell + (inner ? jitter[k + 1] * cell : 0)];
  };
  const out: Block[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      out.push(block(`Q${i}${j}`, [node(i, j), node(i + 1, j), node(i + 1, j + 1), node(i, j + 1)]));
  return out;
}

describe('random coverages and one moved corner (property)', () => {
  const n = 3;
  const jitter = fc.array(fc.double({ min: -0.15, max: 0.15, noNaN: true }), {
    minLength: (n + 1) ** 2 * 2,
    maxLength: (n + 1) ** 2 * 2,
  });

  it('a jittered grid has no crossing and no overlapping corner', () => {
    fc.assert(
      fc.property(jitter, (j) => {
        expect(overlaps(jitteredGrid(n, 100, j))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('moving one block’s copy of an inner corner: any overlap is found, and only a real one', () => {
    const move = fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: -250, max: 250 }), // decimetres: at least a grid step unless zero
      fc.integer({ min: -250, max: 250 }),
    );
    let overlapping = 0;
    fc.assert(
      fc.property(jitter, move, (j, [which, dx, dy]) => {
        const blocks = jitteredGrid(n, 100, j);
        // The centre block Q11: each of its corners is an inner corner shared with three neighbours.
        const k = blocks.findIndex((b) => byId(b) === 'Q11');
        const ring = blocks[k].geometry.coordinates[0].map(toMetres);
        ring[which] = [ring[which][0] + dx / 10, ring[which][1] + dy / 10];
        blocks[k] = block('Q11', ring.slice(0, 4));
        const m2 = Math.max(
          ...blocks.filter((_, i) => i !== k).map((b) => sharedM2(blocks[k].geometry, b.geometry)),
        );
        const found = overlaps(blocks);
        if (m2 > 0.01) {
          overlapping++;
          expect(found.length).toBeGreaterThan(0);
        }
        if (found.length) expect(m2).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
    expect(overlapping).toBeGreaterThan(100); // about 3 moves in 4 push the corner into a neighbour
  });
});

describe('the geography checks (npm run data:check)', () => {
  it('refuse a shipped block bulging 2 m × 4 m into its neighbour, whose corners meet it on the border', () => {
    const files = copy(shipped());
    const { a, b, i } = sharedEdge(files.blocks);
    const ringA = outerRing(files.blocks.features[a]);
    const ringB = outerRing(files.blocks.features[b]);
    const corner = ringA[i + 1].join();
    const [p, q] = [toMetres(ringA[i]), toMetres(ringA[i + 1])];
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    const [ux, uy] = [(q[0] - p[0]) / len, (q[1] - p[1]) / len];
    // Right of p → q is outside a (counter-clockwise), i.e. inside b.
    const at = (s: number, m: number) => lonLat([p[0] + s * ux + m * uy, p[1] + s * uy - m * ux]);
    const s0 = len / 2 - 2;
    const base = [at(s0, 0), at(s0 + 4, 0)];
    ringA.splice(i + 1, 0, base[0], at(s0, 2), at(s0 + 4, 2), base[1]);
    const j = ringB.findIndex((c: Position) => c.join() === corner);
    ringB.splice(j + 1, 0, base[1], base[0]); // b gets the border corners too: no T-junction
    const violations = checkTopology(files);
    expect(rules(violations)).toEqual(['overlap_corner']);
    const idA = files.blocks.features[a].properties.id;
    const idB = files.blocks.features[b].properties.id;
    expect(violations.every((v) => v.message.includes(idA) && v.message.includes(idB))).toBe(true);
    expect(rules(checkGeography(files, { coverage: false, incidents: false }))).toContain('overlap_corner');
  });
});
