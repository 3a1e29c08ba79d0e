// Locate grid: same answers as the exact index on and near every edge, deterministic bytes, safe loading.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors';
import { buildBlockIndex } from '../../core/geo/block-index';
import { buildLocateGrid, deserializeLocateGrid, serializeLocateGrid } from '../../core/geo/locate-grid';
import { fixtureBlocks } from './helpers/fixture-blocks';
import { boundaryPoints, NaiveLocator } from './helpers/naive';

const fx = fixtureBlocks();
const index = buildBlockIndex(fx.blocks);
// A small cell count makes every cell hold several segments: the hardest case for the boundary path.
const grids = [buildLocateGrid(index), buildLocateGrid(index, { maxCells: 4096 })];
const points = boundaryPoints(new NaiveLocator(fx.blocks).features);

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? `${e.code}: ${e.message}` : `not a DomainError: ${e}`;
  }
  return 'accepted';
}

describe.each(grids.map((g) => [g.stats().nx * g.stats().ny, g] as const))('grid of %i cells', (_, grid) => {
  it('has boundary cells answered by the fast path, not by the exact index', () => {
    const s = grid.stats();
    expect(s.boundaryCells).toBeGreaterThan(0);
    expect(s.exactCells).toBe(0);
  });

  it('agrees with the exact index on every vertex and edge midpoint', () => {
    for (const [x, y] of points) expect(grid.locate(x, y)).toBe(index.locate(x, y));
  });

  it('agrees with the exact index a few ulps and 1e-12° to 1e-7° off every boundary point', () => {
    const offsets = [0, 1e-12, -1e-12, 1e-9, -1e-9, 1e-7, -1e-7];
    const ulp = (v: number, k: number) => {
      const f = new Float64Array([v]);
      const u = new BigInt64Array(f.buffer);
      u[0] += BigInt(k);
      return f[0];
    };
    for (const [x, y] of points) {
      for (const k of [-2, -1, 1, 2]) {
        expect(grid.locate(ulp(x, k), y)).toBe(index.locate(ulp(x, k), y));
        expect(grid.locate(x, ulp(y, k))).toBe(index.locate(x, ulp(y, k)));
      }
      for (const dx of offsets) {
        for (const dy of offsets) expect(grid.locate(x + dx, y + dy)).toBe(index.locate(x + dx, y + dy));
      }
    }
  });

  it('agrees with the exact index on cell corners and cell edges (where rounding decides the cell)', () => {
    const d = grid.data;
    fc.assert(
      fc.property(fc.nat(d.nx), fc.nat(d.ny), fc.double({ min: 0, max: 1, noNaN: true }), (i, j, t) => {
        const x = d.x0 + i * d.cellW;
        const y = d.y0 + j * d.cellH;
        expect(grid.locate(x, y)).toBe(index.locate(x, y));
        expect(grid.locate(x + t * d.cellW, y)).toBe(index.locate(x + t * d.cellW, y));
        expect(grid.locate(x, y + t * d.cellH)).toBe(index.locate(x, y + t * d.cellH));
      }),
      { seed: 4, numRuns: 20_000 },
    );
  });
});

describe('serialization', () => {
  const grid = grids[0];
  const bytes = serializeLocateGrid(grid);

  it('is deterministic: the same blocks give the same bytes', () => {
    const again = serializeLocateGrid(buildLocateGrid(buildBlockIndex(fixtureBlocks().blocks)));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('round-trips: loaded arrays and answers equal the built ones', () => {
    const loaded = deserializeLocateGrid(bytes, index);
    expect(loaded.stats()).toEqual(grid.stats());
    expect(Buffer.from(serializeLocateGrid(loaded)).equals(Buffer.from(bytes))).toBe(true);
    for (const [x, y] of points) expect(loaded.locate(x, y)).toBe(grid.locate(x, y));
  });

  it('loads from a misaligned buffer (e.g. a slice of a Node Buffer pool)', () => {
    const shifted = Buffer.concat([Buffer.alloc(3), bytes]).subarray(3);
    expect(shifted.byteOffset % 8).not.toBe(0);
    const loaded = deserializeLocateGrid(shifted, index);
    for (const [x, y] of points.slice(0, 500)) expect(loaded.locate(x, y)).toBe(index.locate(x, y));
  });

  it('rejects a corrupted byte anywhere, with a clear error', () => {
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bad = bytes.slice();
        bad[at] ^= xor;
        expect(rejection(() => deserializeLocateGrid(bad, index))).toMatch(
          /^GRID_CORRUPT: locate grid rejected: .*rebuild/,
        );
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('rejects truncated, empty and foreign input', () => {
    expect(rejection(() => deserializeLocateGrid(bytes.subarray(0, bytes.length - 8), index))).toMatch(
      /truncated/,
    );
    expect(rejection(() => deserializeLocateGrid(new Uint8Array(0), index))).toMatch(/shorter than/);
    expect(
      rejection(() =>
        deserializeLocateGrid(new TextEncoder().encode('{"type":"FeatureCollection"}'.repeat(5)), index),
      ),
    ).toMatch(/bad magic/);
  });

  it('rejects another format version', () => {
    const bad = bytes.slice();
    new DataView(bad.buffer).setUint32(4, 99, true);
    expect(rejection(() => deserializeLocateGrid(bad, index))).toMatch(
      /GRID_CORRUPT: .*version 99 is not supported/,
    );
  });

  it('refuses a grid built for other blocks (another generation)', () => {
    const other = buildBlockIndex(fixtureBlocks(8).blocks);
    expect(rejection(() => deserializeLocateGrid(bytes, other))).toMatch(
      /^GRID_MISMATCH: .*built for other blocks/,
    );
    // Same ids, one vertex moved by 1e-7°: still another generation.
    const moved = structuredClone(fx.blocks);
    const ring = moved.features[0].geometry.coordinates[0] as number[][];
    ring[1] = [ring[1][0] + 1e-7, ring[1][1]];
    expect(rejection(() => deserializeLocateGrid(bytes, buildBlockIndex(moved)))).toMatch(/^GRID_MISMATCH/);
  });
});
