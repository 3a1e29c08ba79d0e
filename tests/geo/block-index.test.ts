// Exact index: tie-break on shared edges and vertices, holes, exclaves, outside points, input validation.
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors';
import { buildBlockIndex, OUTSIDE } from '../../core/geo/block-index';
import { fixtureBlocks } from './helpers/fixture-blocks';
import { boundaryPoints, NaiveLocator } from './helpers/naive';

const square = (x: number, y: number, s = 0.01): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const blocks = (...items: [string, Position[][]][]): FeatureCollection<Polygon> => ({
  type: 'FeatureCollection',
  features: items.map(([id, coordinates]) => ({
    type: 'Feature',
    properties: { id },
    geometry: { type: 'Polygon', coordinates },
  })),
});

describe('tie-break: a boundary point belongs to the block whose id sorts first', () => {
  // Four squares meeting at (112.91, 27.91); ids deliberately not in geometric order.
  const index = buildBlockIndex(
    blocks(
      ['D', [square(112.9, 27.9)]],
      ['B', [square(112.91, 27.9)]],
      ['C', [square(112.9, 27.91)]],
      ['A', [square(112.91, 27.91)]],
    ),
  );
  const id = (x: number, y: number) => index.ids[index.locate(x, y)];

  it('sorts blocks by id', () => expect(index.ids).toEqual(['A', 'B', 'C', 'D']));
  it('shared edge between D and B goes to B', () => expect(id(112.91, 27.905)).toBe('B'));
  it('shared edge between D and C goes to C', () => expect(id(112.905, 27.91)).toBe('C'));
  it('vertex shared by all four goes to A', () => expect(id(112.91, 27.91)).toBe('A'));
  it('outer boundary belongs to its block (closed set)', () => {
    expect(id(112.9, 27.905)).toBe('D');
    expect(id(112.9, 27.9)).toBe('D');
    expect(id(112.92, 27.92)).toBe('A');
  });
  it('interior points are unaffected', () => expect(id(112.9051, 27.9049)).toBe('D'));
  it('just outside is outside', () => expect(index.locate(112.92 + 1e-12, 27.915)).toBe(OUTSIDE));
});

describe('fixture: every boundary vertex and edge midpoint', () => {
  const fx = fixtureBlocks();
  const index = buildBlockIndex(fx.blocks);
  const naive = new NaiveLocator(fx.blocks);
  const points = boundaryPoints(naive.features);

  it('belongs to exactly one block: the first in index order that Turf says contains it', () => {
    let onSeveral = 0;
    for (const [x, y] of points) {
      const turf = naive.containing(x, y);
      expect(index.containing(x, y)).toEqual(turf);
      expect(index.locate(x, y)).toBe(turf.length ? turf[0] : OUTSIDE);
      if (turf.length > 1) onSeveral++;
    }
    expect(onSeveral).toBeGreaterThan(points.length / 4); // the tie-break really was exercised
  });

  it('vertices are never in no block', () => {
    for (const ring of fx.blocks.features
      .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
      .flat()) {
      for (const [x, y] of ring) expect(index.locate(x, y)).not.toBe(OUTSIDE);
    }
  });
});

describe('holes, enclaves and exclaves', () => {
  const fx = fixtureBlocks();
  const index = buildBlockIndex(fx.blocks);
  const id = (p: Position) => index.ids[index.locate(p[0], p[1])];
  const centre = (sq: Position[]): Position => [(sq[0][0] + sq[2][0]) / 2, (sq[0][1] + sq[2][1]) / 2];
  const justOutside = (sq: Position[]): Position => [sq[0][0] - 1e-9, (sq[0][1] + sq[2][1]) / 2];

  it('a point in an enclave belongs to the enclave, not to the block around it', () => {
    expect(id(centre(fx.enclave.square))).toBe(fx.enclave.id);
    expect(id(justOutside(fx.enclave.square))).toBe(fx.holed.id);
  });
  it('the enclave boundary goes to whichever of the two ids sorts first', () => {
    const first = [fx.enclave.id, fx.holed.id].sort()[0];
    expect(id(fx.enclave.square[0])).toBe(first);
    expect(id([(fx.enclave.square[0][0] + fx.enclave.square[1][0]) / 2, fx.enclave.square[0][1]])).toBe(
      first,
    );
  });
  it('a point in an exclave belongs to the MultiPolygon block that owns it', () => {
    expect(id(centre(fx.exclave.square))).toBe(fx.exclave.ownerId);
    expect(id(justOutside(fx.exclave.square))).toBe(fx.exclave.hostId);
  });
  it('a hole in the district and a dropped cell are outside', () => {
    const c = centre(fx.districtHole.square);
    expect(index.locate(c[0], c[1])).toBe(OUTSIDE);
    expect(id(justOutside(fx.districtHole.square))).toBe(fx.districtHole.hostId);
    expect(index.locate(fx.lakePoint[0], fx.lakePoint[1])).toBe(OUTSIDE);
  });
  it('the hole edge itself belongs to its block (closed set)', () => {
    const [x, y] = fx.districtHole.square[0];
    expect(id([x, y])).toBe(fx.districtHole.hostId);
  });
});

describe('outside points and nearest', () => {
  const index = buildBlockIndex(blocks(['B', [square(112.9, 27.9)]], ['A', [square(112.92, 27.9)]]));

  it('returns -1 instead of throwing, also for junk input', () => {
    expect(index.locate(0, 0)).toBe(OUTSIDE);
    expect(index.locate(112.915, 27.905)).toBe(OUTSIDE); // the gap between the two blocks
    expect(index.locate(Number.NaN, 27.9)).toBe(OUTSIDE);
    expect(index.locate(Number.POSITIVE_INFINITY, 27.9)).toBe(OUTSIDE);
  });

  it('nearest gives the closest block and the distance in metres', () => {
    // 0.001° east of A's east edge at 27.905° N is about 98.3 m.
    const n = index.nearest(112.931, 27.905);
    expect(index.ids[n.blockIndex]).toBe('A');
    expect(n.distanceM).toBeGreaterThan(97);
    expect(n.distanceM).toBeLessThan(100);
    expect(index.nearest(112.905, 27.905)).toEqual({ blockIndex: index.ids.indexOf('B'), distanceM: 0 });
    // In the gap, nearer to B's east edge (112.91) than to A's west edge (112.92).
    expect(index.ids[index.nearest(112.912, 27.905).blockIndex]).toBe('B');
  });
});

describe('input validation', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof DomainError ? `${e.code}: ${e.message}` : String(e);
    }
    return 'no error';
  };

  it('rejects an unclosed ring and says how to fix it', () => {
    const open = square(112.9, 27.9).slice(0, 4);
    expect(code(() => buildBlockIndex(blocks(['A', [open]])))).toMatch(
      /INVALID_GEOMETRY: .*repeat the first vertex/,
    );
  });
  it('rejects duplicate and missing ids', () => {
    expect(code(() => buildBlockIndex(blocks(['A', [square(1, 1)]], ['A', [square(2, 2)]])))).toMatch(
      /duplicate block id A/,
    );
    expect(code(() => buildBlockIndex(blocks(['', [square(1, 1)]])))).toMatch(/no string properties.id/);
  });
  it('rejects a point geometry', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'A' }, geometry: { type: 'Point', coordinates: [1, 1] } },
      ],
    };
    expect(code(() => buildBlockIndex(fc as never))).toMatch(/not a Polygon or MultiPolygon/);
  });
});

describe('blocks near a point', () => {
  // Two 0.01° squares side by side (about 985 m wide at 27.9° N), A west of B.
  const index = buildBlockIndex(blocks(['A', [square(112.9, 27.9)]], ['B', [square(112.91, 27.9)]]));
  const ids = (lon: number, lat: number, m: number) => index.near(lon, lat, m).map((b) => index.ids[b]);

  it('finds the block around the point, and the neighbour only once the radius reaches its box', () => {
    const westOfBorder = 112.91 - 30 / 98_400; // 30 m west of the shared border
    expect(ids(westOfBorder, 27.905, 20)).toEqual(['A']);
    expect(ids(westOfBorder, 27.905, 50)).toEqual(['A', 'B']);
  });

  it('finds nothing far from every block, and each block once', () => {
    expect(ids(113.5, 28.5, 50)).toEqual([]);
    expect(ids(112.91, 27.905, 5_000)).toEqual(['A', 'B']);
  });
});
