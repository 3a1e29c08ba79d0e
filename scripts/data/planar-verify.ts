// Guards the snapped arrangement: no node inside another edge, no two edges crossing.
import { type IntPoint, onSegment, segmentsCross } from '../../core/geography/geom';

const key = (p: IntPoint) => `${p[0]},${p[1]}`;

/** Throws if a node lies inside an edge or two edges cross: the snapped arrangement must stay planar. */
export function verifyPlanar(edges: readonly (readonly [IntPoint, IntPoint, ...unknown[]])[]): void {
  const CELL = 2000;
  const buckets = new Map<string, number[]>();
  const cells = (p: IntPoint, q: IntPoint) => {
    const out: string[] = [];
    for (let x = Math.floor(Math.min(p[0], q[0]) / CELL); x <= Math.floor(Math.max(p[0], q[0]) / CELL); x++) {
      for (
        let y = Math.floor(Math.min(p[1], q[1]) / CELL);
        y <= Math.floor(Math.max(p[1], q[1]) / CELL);
        y++
      ) {
        out.push(`${x},${y}`);
      }
    }
    return out;
  };
  edges.forEach(([p, q], i) => {
    for (const c of cells(p, q)) buckets.set(c, [...(buckets.get(c) ?? []), i]);
  });
  for (const ids of buckets.values()) {
    for (const i of ids) {
      const [a, b] = edges[i];
      for (const j of ids) {
        if (j <= i) continue;
        const [c, d] = edges[j];
        const ends = [a, b, c, d].map(key);
        for (const [p, s, t] of [
          [c, a, b],
          [d, a, b],
          [a, c, d],
          [b, c, d],
        ] as const) {
          if (key(p) !== key(s) && key(p) !== key(t) && onSegment(p, s, t)) {
            throw new Error(`node ${key(p)} lies inside edge ${key(s)}→${key(t)}; move a seed slightly`);
          }
        }
        if (new Set(ends).size === 4 && segmentsCross(a, b, c, d)) {
          throw new Error(`edges ${key(a)}→${key(b)} and ${key(c)}→${key(d)} cross; move a seed slightly`);
        }
      }
    }
  }
}
