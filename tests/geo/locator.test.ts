// Locator façade: typed results, GCJ-02 input, batch lookup, nearest, loading a stored grid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBlockIndex } from '../../core/geo/block-index';
import { fromWgs84, toWgs84 } from '../../core/geo/crs';
import { buildLocateGrid, serializeLocateGrid } from '../../core/geo/locate-grid';
import { Locator } from '../../core/geo/locator';
import { fixtureBlocks } from './helpers/fixture-blocks';

const fx = fixtureBlocks();
const index = buildBlockIndex(fx.blocks);
const gridBytes = serializeLocateGrid(buildLocateGrid(index));
const locator = Locator.fromBlocks(fx.blocks, { gridBytes });
const exactOnly = new Locator(index);
const [x0, y0, x1, y1] = fx.bbox;

/** Metres between two nearby WGS84 points (equirectangular; fine at this scale). */
function metres(a: [number, number], b: [number, number]): number {
  const k = (Math.PI / 180) * 6_371_008.8;
  return Math.hypot((a[0] - b[0]) * k * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * k);
}

describe('locate', () => {
  it('answers inside points with the block index and id', () => {
    const [x, y] = [
      (fx.enclave.square[0][0] + fx.enclave.square[2][0]) / 2,
      (fx.enclave.square[0][1] + fx.enclave.square[2][1]) / 2,
    ];
    const r = locator.locate(x, y);
    expect(r).toEqual({ inside: true, blockIndex: index.ids.indexOf(fx.enclave.id), blockId: fx.enclave.id });
  });

  it('answers outside points with a typed result and never throws', () => {
    for (const [x, y] of [
      [fx.lakePoint[0], fx.lakePoint[1]],
      [0, 0],
      [Number.NaN, 1],
      [1, Number.NEGATIVE_INFINITY],
      [200, 95],
    ]) {
      expect(locator.locate(x, y)).toEqual({ inside: false });
      const [gx, gy] = Number.isFinite(x) && Number.isFinite(y) ? fromWgs84(x, y, 'gcj02') : [x, y];
      expect(locator.locate(gx, gy, 'gcj02')).toEqual({ inside: false });
    }
  });

  it('grid-backed and exact-only locators agree', () => {
    fc.assert(
      fc.property(
        fc.double({ min: x0, max: x1, noNaN: true }),
        fc.double({ min: y0, max: y1, noNaN: true }),
        (x, y) => {
          expect(locator.locate(x, y)).toEqual(exactOnly.locate(x, y));
        },
      ),
      { seed: 11, numRuns: 2_000 },
    );
  });

  it('locateMany returns one block index per point, -1 outside, and can reuse a buffer', () => {
    const pts = [x0 + 0.01, y0 + 0.01, fx.lakePoint[0], fx.lakePoint[1], 0, 0];
    const out = locator.locateMany(pts);
    expect([...out]).toEqual([locator.locateIndex(pts[0], pts[1]), -1, -1]);
    const buffer = new Int32Array(8).fill(7);
    expect(locator.locateMany(pts, 'wgs84', buffer)).toBe(buffer);
    expect([...buffer.subarray(0, 3)]).toEqual([...out]);
    expect(() => locator.locateMany(pts, 'wgs84', new Int32Array(1))).toThrow(/pass a larger buffer/);
  });
});

describe('GCJ-02 input', () => {
  it('converts GCJ-02 to WGS84 and back within 1 m anywhere in the area', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 112.6, max: 113.1, noNaN: true }),
        fc.double({ min: 27.7, max: 28.2, noNaN: true }),
        (x, y) => {
          const g = fromWgs84(x, y, 'gcj02');
          expect(metres(g, [x, y])).toBeGreaterThan(100); // the offset is real (hundreds of metres here)
          expect(metres(toWgs84(g[0], g[1], 'gcj02'), [x, y])).toBeLessThan(1);
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });

  it('locates a GCJ-02 point as the WGS84 point it stands for', () => {
    fc.assert(
      fc.property(
        fc.double({ min: x0, max: x1, noNaN: true }),
        fc.double({ min: y0, max: y1, noNaN: true }),
        (x, y) => {
          const [gx, gy] = fromWgs84(x, y, 'gcj02');
          const [wx, wy] = toWgs84(gx, gy, 'gcj02');
          expect(locator.locate(gx, gy, 'gcj02')).toEqual(locator.locate(wx, wy));
          expect(locator.locateMany([gx, gy], 'gcj02')[0]).toBe(locator.locateIndex(wx, wy));
        },
      ),
      { seed: 13, numRuns: 500 },
    );
  });

  it('leaves WGS84 untouched', () => {
    expect(toWgs84(112.9, 27.9, 'wgs84')).toEqual([112.9, 27.9]);
    expect(fromWgs84(112.9, 27.9, 'wgs84')).toEqual([112.9, 27.9]);
  });
});

describe('nearest and the outside-district error', () => {
  it('names the nearest block and the distance for a point outside', () => {
    const n = locator.nearest(x1 + 0.001, (y0 + y1) / 2);
    expect(n).not.toBeNull();
    expect(n!.distanceM).toBeGreaterThan(90);
    expect(n!.distanceM).toBeLessThan(100);
    expect(n!.blockId).toBe(index.ids[n!.blockIndex]);
  });

  it('gives distance 0 inside and null for junk input', () => {
    const r = locator.locate(x0 + 0.01, y0 + 0.01);
    expect(r.inside).toBe(true);
    expect(locator.nearest(x0 + 0.01, y0 + 0.01)).toMatchObject({ distanceM: 0 });
    expect(locator.nearest(Number.NaN, 0)).toBeNull();
  });
});

describe('loading', () => {
  it('refuses a grid stored for other blocks', () => {
    const other = fixtureBlocks(9).blocks;
    expect(() => Locator.fromBlocks(other, { gridBytes })).toThrow(/GRID_MISMATCH|built for other blocks/);
  });

  it('can build the grid itself when none is stored', () => {
    const built = Locator.fromBlocks(fx.blocks, { buildGrid: true });
    expect(built.grid).not.toBeNull();
    expect(built.fingerprint).toBe(locator.fingerprint);
    expect(Locator.fromBlocks(fx.blocks).grid).toBeNull();
  });
});
