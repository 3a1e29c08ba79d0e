// Which polygons are neighbours, and how long their shared border is, from edges shared vertex for vertex.
import type { MultiPolygon, Polygon } from 'geojson';
import { M_PER_DEG_LAT, M_PER_DEG_LON, pointKey, polygonRings } from './geom';

/** neighbours[i] maps each neighbour j of polygon i to the length (m) of the border they share. */
export type Adjacency = Map<number, number>[];

/**
 * Neighbours of each geometry: two polygons are adjacent when they hold the same edge (same two vertices).
 * Requires shared vertices (no T-junctions); a border drawn with different vertices is not detected.
 */
export function adjacency(geometries: readonly (Polygon | MultiPolygon)[]): Adjacency {
  const owners = new Map<string, { index: number; length: number }[]>();
  geometries.forEach((geometry, index) => {
    for (const ring of polygonRings(geometry)) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [pointKey(ring[i]), pointKey(ring[i + 1])];
        const k = a < b ? `${a}|${b}` : `${b}|${a}`;
        const dx = (ring[i + 1][0] - ring[i][0]) * M_PER_DEG_LON;
        const dy = (ring[i + 1][1] - ring[i][1]) * M_PER_DEG_LAT;
        const length = Math.sqrt(dx * dx + dy * dy);
        const list = owners.get(k) ?? [];
        list.push({ index, length });
        owners.set(k, list);
      }
    }
  });
  const result: Adjacency = geometries.map(() => new Map());
  for (const list of owners.values()) {
    for (const a of list) {
      for (const b of list) {
        if (a.index !== b.index) result[a.index].set(b.index, (result[a.index].get(b.index) ?? 0) + a.length);
      }
    }
  }
  return result;
}

/** Connected components of `members` under `neighbours` (plus optional extra links), largest first. */
export function components(
  members: readonly number[],
  neighbours: Adjacency,
  extraLinks: ReadonlyMap<number, readonly number[]> = new Map(),
): number[][] {
  const inSet = new Set(members);
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    const component: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      component.push(i);
      for (const j of [...neighbours[i].keys(), ...(extraLinks.get(i) ?? [])]) {
        if (inSet.has(j) && !seen.has(j)) {
          seen.add(j);
          stack.push(j);
        }
      }
    }
    out.push(component.sort((a, b) => a - b));
  }
  return out.sort((a, b) => b.length - a.length || a[0] - b[0]);
}
