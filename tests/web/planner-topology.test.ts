// The planner's client-side topology (web/src/app/staff/planner-topology.ts): shared and outline corners,
// neighbours, snapping — on a 2×2 grid of square blocks, and on the shipped blocks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Blocks } from '../../web/src/api/schemas';
import { buildTopology, nearestOnScreen, onGrid } from '../../web/src/app/staff/planner-topology';

const square = (id: string, x: number, y: number) => ({
  type: 'Feature' as const,
  properties: { id, name: id } as never,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  },
});
const grid: Blocks = {
  type: 'FeatureCollection',
  features: [square('a', 0, 0), square('b', 1, 0), square('c', 0, 1), square('d', 1, 1)],
};

describe('planner topology', () => {
  const topo = buildTopology(grid);

  it('marks the centre corner shared by all four and interior, the outer corners as outline', () => {
    const a = topo.vertices('a');
    expect(a.map((v) => v.at)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
    const centre = a.find((v) => v.at[0] === 1 && v.at[1] === 1)!;
    expect(centre).toEqual({ at: [1, 1], shared: true, outline: false });
    expect(a.find((v) => v.at[0] === 0 && v.at[1] === 0)).toEqual({
      at: [0, 0],
      shared: false,
      outline: true,
    });
    // [1,0] is shared with b but lies on the outline (the bottom edge is nobody else's).
    expect(a.find((v) => v.at[0] === 1 && v.at[1] === 0)).toEqual({
      at: [1, 0],
      shared: true,
      outline: true,
    });
    expect(topo.blocksAt([1, 1])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('finds neighbours by shared edges, not by a shared corner alone', () => {
    expect(topo.neighbours('a')).toEqual(['b', 'c']);
    expect(topo.neighbours('d')).toEqual(['b', 'c']);
    expect(topo.neighbours('nope')).toEqual([]);
    expect(topo.allCorners()).toHaveLength(9);
  });

  it('snaps to the nearest corner within the pixel radius, or nothing', () => {
    const project = (p: [number, number]) => ({ x: p[0] * 100, y: p[1] * 100 });
    expect(nearestOnScreen(topo.allCorners(), { x: 108, y: 95 }, project, 12)).toEqual([1, 1]);
    expect(nearestOnScreen(topo.allCorners(), { x: 150, y: 150 }, project, 12)).toBeNull();
    expect(onGrid([112.12345649, 27.9999996])).toEqual([112.123456, 28]);
  });

  it('on the shipped blocks: every block has corners; only exclave blocks lack neighbours', () => {
    const blocks = JSON.parse(readFileSync('data/geojson/blocks.geojson', 'utf8')) as Blocks;
    const real = buildTopology(blocks);
    let outlineBlocks = 0;
    const alone: string[] = [];
    for (const f of blocks.features) {
      const vs = real.vertices(f.properties.id);
      expect(vs.length).toBeGreaterThanOrEqual(3);
      if (vs.some((v) => v.outline)) outlineBlocks++;
      if (!real.neighbours(f.properties.id).length) {
        // Only a block that fills one of the district's 5 exclaves has no neighbour: all its corners are fixed.
        alone.push(f.properties.id);
        expect(vs.every((v) => v.outline)).toBe(true);
      }
    }
    expect(alone.length).toBeLessThanOrEqual(5);
    // The district's outline touches a minority of the 667 blocks.
    expect(outlineBlocks).toBeGreaterThan(50);
    expect(outlineBlocks).toBeLessThan(400);
  });
});
