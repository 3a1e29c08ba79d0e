// H3 fine heat: counts conserved from res 10 to 9 and 8, hexagons valid RFC 7946 polygons.
import fc from 'fast-check';
import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { aggregateCells, hexFeatureCollection, hexRing } from '../../core/hotspots/hex';
import { YUHU_BBOX } from './helpers/coverages';

const [W, S, E, N] = YUHU_BBOX;
const cellCounts = fc
  .array(
    fc.tuple(
      fc.double({ min: W, max: E, noNaN: true }),
      fc.double({ min: S, max: N, noNaN: true }),
      fc.integer({ min: 1, max: 20 }),
    ),
    { minLength: 1, maxLength: 300 },
  )
  .map((points) => {
    const counts = new Map<string, number>();
    for (const [lon, lat, k] of points) {
      const cell = latLngToCell(lat, lon, 10);
      counts.set(cell, (counts.get(cell) ?? 0) + k);
    }
    return counts;
  });
const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe('aggregateCells', () => {
  it('conserves the total and sums each parent exactly, at res 10, 9 and 8', () => {
    fc.assert(
      fc.property(cellCounts, (counts) => {
        for (const res of [10, 9, 8] as const) {
          const out = aggregateCells(counts, res);
          expect(total(out)).toBe(total(counts));
          for (const cell of out.keys()) expect(getResolution(cell)).toBe(res);
          for (const [cell, n] of counts) expect(out.get(cellToParent(cell, res))).toBeGreaterThanOrEqual(n);
        }
        // 10 → 8 directly equals 10 → 9 → 8
        const via9 = new Map<string, number>();
        for (const [cell, n] of aggregateCells(counts, 9)) {
          const parent = cellToParent(cell, 8);
          via9.set(parent, (via9.get(parent) ?? 0) + n);
        }
        expect(aggregateCells(counts, 8)).toEqual(via9);
      }),
      { numRuns: 50 },
    );
  });

  it('defaults to res 9 (≈ 0.1 km²)', () => {
    const cell = latLngToCell(27.9, 112.9, 10);
    expect([...aggregateCells(new Map([[cell, 3]])).keys()]).toEqual([cellToParent(cell, 9)]);
  });

  it('rejects unsupported resolutions and counters that are not res-10 cells', () => {
    const cell = latLngToCell(27.9, 112.9, 10);
    expect(() => aggregateCells(new Map([[cell, 1]]), 7 as 8)).toThrow(/use 8, 9 or 10/);
    expect(() => aggregateCells(new Map([[cellToParent(cell, 9), 1]]), 9)).toThrow(/not an H3 res-10 cell/);
    expect(() => aggregateCells(new Map([['not-a-cell', 1]]), 9)).toThrow(/not an H3 res-10 cell/);
  });
});

describe('hexFeatureCollection', () => {
  it('gives closed, counter-clockwise [lon, lat] hexagons with { h3, count }', () => {
    fc.assert(
      fc.property(cellCounts, fc.constantFrom(8, 9, 10), (counts, res) => {
        const agg = aggregateCells(counts, res as 8 | 9 | 10);
        const hexes = hexFeatureCollection(agg);
        expect(hexes.features).toHaveLength(agg.size);
        for (const f of hexes.features) {
          expect(f.properties.count).toBe(agg.get(f.properties.h3));
          const ring = f.geometry.coordinates[0];
          expect(ring).toHaveLength(7); // 6 vertices + closing one
          expect(ring[0]).toEqual(ring[6]);
          let area2 = 0;
          for (let k = 0; k + 1 < ring.length; k++)
            area2 += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
          expect(area2).toBeGreaterThan(0);
          for (const [lon, lat] of ring) {
            expect(lon).toBeGreaterThan(W - 0.05);
            expect(lon).toBeLessThan(E + 0.05);
            expect(lat).toBeGreaterThan(S - 0.05);
            expect(lat).toBeLessThan(N + 0.05);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('leaves out empty cells and keeps hexRing stable for a known cell', () => {
    const cell = latLngToCell(27.86, 112.9, 10);
    const fcol = hexFeatureCollection(new Map([[cell, 0]]));
    expect(fcol.features).toHaveLength(0);
    expect(hexRing(cell)[0]).toEqual(hexRing(cell)[6]);
  });
});
