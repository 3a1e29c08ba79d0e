// Coverage invariants checked independently of the planner: polyclip-ts, @turf/area and brute-force integer tests.
import area from '@turf/area';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { type Geom, intersection, union } from 'polyclip-ts';
import type { BlockFeature } from '../../../core/blocks/generation';

type P = readonly [number, number];

const int = (p: Position): P => [Math.round(p[0] * 1e6), Math.round(p[1] * 1e6)];
const cross = (a: P, b: P, c: P) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const between = (p: P, a: P, b: P) =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);
const eq = (a: P, b: P) => a[0] === b[0] && a[1] === b[1];

/** Whether closed segments ab and cd share a point (exact on integers). */
function touch(a: P, b: P, c: P, d: P): boolean {
  const [d1, d2, d3, d4] = [cross(c, d, a), cross(c, d, b), cross(a, b, c), cross(a, b, d)];
  if (Math.sign(d1) * Math.sign(d2) < 0 && Math.sign(d3) * Math.sign(d4) < 0) return true;
  return (
    (d1 === 0 && between(a, c, d)) ||
    (d2 === 0 && between(b, c, d)) ||
    (d3 === 0 && between(c, a, b)) ||
    (d4 === 0 && between(d, a, b))
  );
}

/** Problems with one ring: closure, 6 decimals, repeats, winding, self-intersection (O(n²)). */
export function ringProblems(id: string, ring: readonly Position[]): string[] {
  const out: string[] = [];
  if (ring.length < 4) return [`${id}: ${ring.length} positions`];
  if (ring.some((p) => p.some((v) => Math.abs(v * 1e6 - Math.round(v * 1e6)) > 1e-6)))
    out.push(`${id}: >6 decimals`);
  const pts = ring.map(int);
  if (!eq(pts[0], pts[pts.length - 1])) out.push(`${id}: not closed`);
  const n = pts.length - 1;
  let twice = 0;
  for (let i = 0; i < n; i++) twice += pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1];
  if (twice <= 0) out.push(`${id}: not counter-clockwise`);
  const keys = new Set(pts.slice(0, n).map((p) => p.join()));
  if (keys.size !== n) out.push(`${id}: repeated vertex`);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      const [a, b, c, d] = [pts[i], pts[i + 1], pts[j], pts[j + 1]];
      if (adjacent) {
        const shared = j === i + 1 ? b : a;
        const [p, q] = j === i + 1 ? [a, d] : [b, c];
        // Adjacent edges may meet only at their shared vertex: no fold-back along one line.
        if (
          cross(shared, p, q) === 0 &&
          (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0
        )
          out.push(`${id}: spike at ${shared}`);
      } else if (touch(a, b, c, d)) out.push(`${id}: edges ${i} and ${j} touch`);
    }
  }
  return out;
}

/** Vertices lying inside another block's edge without being a vertex of that block (exact). */
export function tJunctions(blocks: readonly BlockFeature[]): string[] {
  const rings = blocks.map((b) => (b.geometry as Polygon).coordinates[0].map(int));
  const out: string[] = [];
  rings.forEach((ring, r) => {
    const own = new Set(ring.map((p) => p.join()));
    for (let s = 0; s < rings.length; s++) {
      if (s === r) continue;
      for (const v of rings[s]) {
        if (own.has(v.join())) continue;
        for (let i = 0; i + 1 < ring.length; i++) {
          if (cross(ring[i], ring[i + 1], v) === 0 && between(v, ring[i], ring[i + 1]))
            out.push(`vertex ${v} of ${blocks[s].properties.id} on an edge of ${blocks[r].properties.id}`);
        }
      }
    }
  });
  return out;
}

const geom = (b: BlockFeature) => [(b.geometry as Polygon).coordinates] as Geom;
const m2 = (g: Geom) => area({ type: 'MultiPolygon', coordinates: g } as MultiPolygon);

/** Union area of all blocks (polyclip-ts) and the sum of their areas (@turf/area), in m². */
export function areas(blocks: readonly BlockFeature[]): { union: number; sum: number } {
  const geoms = blocks.map(geom);
  return {
    union: m2(union(geoms[0], ...geoms.slice(1))),
    sum: blocks.reduce((s, b) => s + area(b.geometry), 0),
  };
}

/** Overlap area (m²) of each listed block with every other block whose box it meets. */
export function overlapsOf(blocks: readonly BlockFeature[], ids: ReadonlySet<string>): string[] {
  const box = (b: BlockFeature) => {
    const ring = (b.geometry as Polygon).coordinates[0];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  const out: string[] = [];
  for (const a of blocks.filter((b) => ids.has(b.properties.id))) {
    const [x0, y0, x1, y1] = box(a);
    for (const b of blocks) {
      if (b === a) continue;
      const [u0, v0, u1, v1] = box(b);
      if (u0 > x1 || u1 < x0 || v0 > y1 || v1 < y0) continue;
      const overlap = m2(intersection(geom(a), geom(b)));
      if (overlap > 0.01)
        out.push(`${a.properties.id} overlaps ${b.properties.id} by ${overlap.toFixed(3)} m²`);
    }
  }
  return out;
}

/**
 * Every invariant of a coverage: valid rings, unique ids that match their community, no T-junctions,
 * union area equal to the original (relative 1e-6), and no overlap (sum of areas equals the union).
 */
export function coverageProblems(blocks: readonly BlockFeature[], originalM2: number): string[] {
  const out = blocks.flatMap((b) => ringProblems(b.properties.id, (b.geometry as Polygon).coordinates[0]));
  const ids = blocks.map((b) => b.properties.id);
  if (new Set(ids).size !== ids.length) out.push('duplicate ids');
  for (const b of blocks) {
    if (!b.properties.id.startsWith(`YH-${b.properties.community_code}-`))
      out.push(`${b.properties.id}: id/community`);
  }
  out.push(...tJunctions(blocks));
  const { union: u, sum } = areas(blocks);
  if (Math.abs(u - originalM2) / originalM2 > 1e-6) out.push(`union ${u} m² ≠ original ${originalM2} m²`);
  if (Math.abs(sum - u) / originalM2 > 1e-6) out.push(`blocks overlap: sum ${sum} m² vs union ${u} m²`);
  return out;
}
