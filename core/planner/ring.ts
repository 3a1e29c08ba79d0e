// Exact helpers on open integer rings (micro-degrees, no closing repeat): keys, walks, insertions.
import type { Position } from 'geojson';
import { GRID, type IntPoint } from '../geography/geom';

/** Whether two integer points are the same grid point. */
export const same = (a: IntPoint, b: IntPoint) => a[0] === b[0] && a[1] === b[1];

/** Stable string key of an integer point. */
export const intKey = (p: IntPoint) => `${p[0]},${p[1]}`;

/** The lon/lat position of an integer point (exactly the 6-decimal value). */
export const lonLat = (p: IntPoint): Position => [p[0] / GRID, p[1] / GRID];

/** Drops consecutive repeats (rounding to 6 decimals can make neighbours equal). */
export function dedupe(points: readonly IntPoint[]): IntPoint[] {
  return points.filter((p, i) => i === 0 || !same(p, points[i - 1]));
}

/** The vertices of a ring from index i forward to index j, both included (cyclic). */
export function walk(ring: readonly IntPoint[], i: number, j: number): IntPoint[] {
  const out: IntPoint[] = [];
  for (let k = i; ; k = (k + 1) % ring.length) {
    out.push(ring[k]);
    if (k === j) return out;
  }
}

/** Index i such that ring[i] = a and ring[i + 1] = b (cyclic), or -1. */
export function directedEdge(ring: readonly IntPoint[], a: IntPoint, b: IntPoint): number {
  for (let i = 0; i < ring.length; i++)
    if (same(ring[i], a) && same(ring[(i + 1) % ring.length], b)) return i;
  return -1;
}

const dist2 = (p: IntPoint, q: IntPoint) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;

/** The ring with `points` inserted into its edge at → at + 1, nearest to ring[at] first. */
export function insertOnEdge(ring: readonly IntPoint[], at: number, points: readonly IntPoint[]): IntPoint[] {
  const sorted = [...points].sort((p, q) => dist2(p, ring[at]) - dist2(q, ring[at]));
  return [...ring.slice(0, at + 1), ...sorted, ...ring.slice(at + 1)];
}
