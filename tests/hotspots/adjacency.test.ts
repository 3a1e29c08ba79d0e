// Block contiguity: queen vs rook on grids, symmetry on random coverages, MultiPolygon blocks, errors, cache.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Adjacency,
  type BlockFeature,
  cachedQueenAdjacency,
  contiguity,
  neighboursOf,
  queenAdjacency,
} from '../../core/hotspots/adjacency';
import { jitteredGrid, squareGrid, voronoiCoverage } from './helpers/coverages';

const ids = (adj: Adjacency, i: number) => [...neighboursOf(adj, i)].map((j) => adj.ids[j]).sort();

function expectSymmetricWithoutLoops(adj: Adjacency) {
  for (let i = 0; i < adj.n; i++) {
    const nb = neighboursOf(adj, i);
    for (let k = 0; k < nb.length; k++) {
      expect(nb[k]).not.toBe(i);
      if (k > 0) expect(nb[k]).toBeGreaterThan(nb[k - 1]);
      expect([...neighboursOf(adj, nb[k])]).toContain(i);
    }
  }
}

describe('contiguity on a 4 × 4 grid', () => {
  const grid = squareGrid(4, 4);
  const queen = queenAdjacency(grid);
  const rook = contiguity(grid, 'rook');

  it('counts corner-touching blocks for queen but not for rook', () => {
    expect(ids(queen, 0)).toEqual(['r0c1', 'r1c0', 'r1c1']);
    expect(ids(rook, 0)).toEqual(['r0c1', 'r1c0']);
    const inner = 5; // r1c1
    expect(neighboursOf(queen, inner)).toHaveLength(8);
    expect(neighboursOf(rook, inner)).toHaveLength(4);
    // 16 blocks: queen links = 2·(rook's 24 edges + 18 diagonals), rook links = 2·24
    expect(queen.neighbours).toHaveLength(84);
    expect(rook.neighbours).toHaveLength(48);
  });

  it('is a symmetric CSR in input order without self loops', () => {
    expect(queen.n).toBe(16);
    expect(queen.offsets).toHaveLength(17);
    expect(queen.ids[0]).toBe('r0c0');
    expectSymmetricWithoutLoops(queen);
    expectSymmetricWithoutLoops(rook);
  });
});

describe('contiguity on random coverages', () => {
  it('is symmetric without loops, and queen ⊇ rook, on jittered grids (8 neighbours inside)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 2, max: 9 }),
        fc.nat(),
        (rows, cols, seed) => {
          const { features } = jitteredGrid(rows, cols, 0.3, seed);
          const queen = queenAdjacency(features);
          const rook = contiguity(features, 'rook');
          expectSymmetricWithoutLoops(queen);
          for (let i = 0; i < rook.n; i++) {
            expect([...neighboursOf(queen, i)]).toEqual(expect.arrayContaining([...neighboursOf(rook, i)]));
          }
          if (rows > 2 && cols > 2) expect(neighboursOf(queen, cols + 1)).toHaveLength(8);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('finds the Voronoi neighbours (every block has one, about six on average)', () => {
    const { features } = voronoiCoverage(300, 3);
    const adj = queenAdjacency(features);
    expectSymmetricWithoutLoops(adj);
    for (let i = 0; i < adj.n; i++) expect(neighboursOf(adj, i).length).toBeGreaterThan(0);
    expect(adj.neighbours.length / adj.n).toBeGreaterThan(5);
    expect(adj.neighbours.length / adj.n).toBeLessThan(7);
  });
});

describe('MultiPolygon blocks', () => {
  it('links a block through any of its parts, and through a shared vertex only for queen', () => {
    // Row of squares A | B | C and an island D; block X = MultiPolygon(part next to A's top-left corner, part on D's edge).
    const sq = (x: number, y: number) => [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ];
    const poly = (id: string, x: number, y: number): BlockFeature => ({
      type: 'Feature',
      properties: { id },
      geometry: { type: 'Polygon', coordinates: sq(x, y) },
    });
    const blocks: BlockFeature[] = [
      poly('A', 0, 0),
      poly('B', 1, 0),
      poly('C', 2, 0),
      poly('D', 10, 0),
      {
        type: 'Feature',
        properties: { id: 'X' },
        geometry: { type: 'MultiPolygon', coordinates: [sq(-1, 1), sq(11, 0)] },
      },
    ];
    const queen = queenAdjacency(blocks);
    const rook = contiguity(blocks, 'rook');
    expect(ids(queen, 4)).toEqual(['A', 'D']); // A by the corner (0, 1), D by the edge x = 11
    expect(ids(rook, 4)).toEqual(['D']);
    expect(ids(queen, 3)).toEqual(['X']);
    expectSymmetricWithoutLoops(queen);
  });

  it('treats vertices within 1e-7° as the same vertex (float noise from re-projection)', () => {
    const [a, b] = squareGrid(1, 2);
    const noisy = structuredClone(b);
    const ring = (noisy.geometry as { coordinates: number[][][] }).coordinates[0];
    for (const p of ring) p[0] += 1e-9;
    expect(ids(queenAdjacency([a, noisy]), 0)).toEqual(['r0c1']);
  });
});

describe('errors and caching', () => {
  it('names the block and what to fix', () => {
    const [a, b] = squareGrid(1, 2);
    expect(() => queenAdjacency([a, { ...b, properties: { id: 'r0c0' } }])).toThrow(/appears twice/);
    expect(() => queenAdjacency([a, { ...b, properties: {} } as unknown as BlockFeature])).toThrow(
      /block #1 has no properties.id/,
    );
    const point = { ...b, geometry: { type: 'Point', coordinates: [0, 0] } } as unknown as BlockFeature;
    expect(() => queenAdjacency([a, point])).toThrow(/geometry Point/);
  });

  it('computes each generation once', () => {
    let loads = 0;
    const load = () => {
      loads++;
      return squareGrid(3, 3);
    };
    const first = cachedQueenAdjacency('test-gen-1', load);
    expect(cachedQueenAdjacency('test-gen-1', load)).toBe(first);
    expect(loads).toBe(1);
    cachedQueenAdjacency('test-gen-2', load);
    expect(loads).toBe(2);
  });
});
