// Planar subdivision of one district part by clipped Voronoi edges: exact shared nodes, faces with cell labels.
import { type IntPoint, onSegment, pointInRing, ringArea2 } from '../../core/geography/geom';
import { verifyPlanar } from './planar-verify';
import type { VoronoiSegment } from './voronoi';

/** Label of the area outside the part. */
export const OUTSIDE = -1;

/** A bounded face: closed counter-clockwise ring on the micro-degree grid and its cell label (null if unknown). */
export interface Face {
  readonly ring: IntPoint[];
  readonly label: number | null;
  readonly area2: number;
  /** Index of the face across each edge of the ring (edge i runs ring[i] → ring[i + 1]); -1 outside. */
  readonly across: number[];
  readonly index: number;
}

interface HalfEdge {
  readonly from: IntPoint;
  readonly to: IntPoint;
  readonly label: number | null;
  twin?: HalfEdge;
  face?: number;
}

const key = (p: IntPoint) => `${p[0]},${p[1]}`;
const cross = (ax: number, ay: number, bx: number, by: number) => ax * by - ay * bx;

function pseudoAngle(dx: number, dy: number): number {
  const p = dy / (Math.abs(dx) + Math.abs(dy));
  if (dx < 0) return 2 - p;
  return dy < 0 ? 4 + p : p;
}

/** Splits a segment at its crossings with the rings; returns ordered points and the ring-edge split points. */
function splitAgainstRings(
  a: IntPoint,
  b: IntPoint,
  rings: readonly IntPoint[][],
  splits: Map<string, { u: number; p: IntPoint }[]>,
): IntPoint[] {
  const hits: { t: number; p: IntPoint }[] = [];
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  rings.forEach((ring, ri) => {
    for (let k = 0; k + 1 < ring.length; k++) {
      const c = ring[k];
      const d = ring[k + 1];
      if (Math.max(c[0], d[0]) < Math.min(a[0], b[0]) || Math.min(c[0], d[0]) > Math.max(a[0], b[0]))
        continue;
      if (Math.max(c[1], d[1]) < Math.min(a[1], b[1]) || Math.min(c[1], d[1]) > Math.max(a[1], b[1]))
        continue;
      const sx = d[0] - c[0];
      const sy = d[1] - c[1];
      const denom = cross(rx, ry, sx, sy);
      const qx = c[0] - a[0];
      const qy = c[1] - a[1];
      if (denom === 0) {
        if (cross(qx, qy, rx, ry) === 0 && (onSegment(c, a, b) || onSegment(a, c, d))) {
          throw new Error(
            `Voronoi edge ${key(a)}→${key(b)} runs along ring edge ${key(c)}; move a seed slightly`,
          );
        }
        continue;
      }
      const t = cross(qx, qy, sx, sy) / denom;
      const u = cross(qx, qy, rx, ry) / denom;
      if (t < 0 || t > 1 || u < 0 || u > 1) continue;
      let p: IntPoint;
      if (u === 0) p = c;
      else if (u === 1) p = d;
      else if (t === 0) p = a;
      else if (t === 1) p = b;
      else p = [Math.round(a[0] + t * rx), Math.round(a[1] + t * ry)];
      hits.push({ t, p });
      if (key(p) !== key(c) && key(p) !== key(d)) {
        const k2 = `${ri}:${k}`;
        const list = splits.get(k2) ?? [];
        list.push({ u, p });
        splits.set(k2, list);
      }
    }
  });
  hits.sort((x, y) => x.t - y.t);
  const points = [a, ...hits.map((h) => h.p), b];
  return points.filter((p, i) => i === 0 || key(p) !== key(points[i - 1]));
}

/**
 * Clips labelled Voronoi segments to a part (outer ring minus reserved rings, all closed and CCW) and
 * returns the bounded faces. Reserved ring k gets label `reservedBase + k`. Throws where the snapped
 * geometry would be degenerate (a node inside an edge, crossing edges), naming the location.
 */
export function buildFaces(
  outer: IntPoint[],
  reserved: IntPoint[][],
  segments: readonly VoronoiSegment[],
  reservedBase: number,
): Face[] {
  const rings = [outer, ...reserved];
  const inside = (x: number, y: number) =>
    pointInRing([x, y], outer) && !reserved.some((r) => pointInRing([x, y], r));
  const splits = new Map<string, { u: number; p: IntPoint }[]>();
  const edges = new Map<string, [IntPoint, IntPoint, number | null, number | null]>();
  const addEdge = (p: IntPoint, q: IntPoint, left: number | null, right: number | null) => {
    const k = key(p) < key(q) ? `${key(p)}|${key(q)}` : `${key(q)}|${key(p)}`;
    if (edges.has(k)) throw new Error(`duplicate edge ${k}: two boundaries coincide; move a seed slightly`);
    edges.set(k, [p, q, left, right]);
  };
  for (const s of segments) {
    const pts = splitAgainstRings(s.from, s.to, rings, splits);
    for (let i = 0; i + 1 < pts.length; i++) {
      if (inside((pts[i][0] + pts[i + 1][0]) / 2, (pts[i][1] + pts[i + 1][1]) / 2)) {
        addEdge(pts[i], pts[i + 1], s.left, s.right);
      }
    }
  }
  rings.forEach((ring, ri) => {
    for (let k = 0; k + 1 < ring.length; k++) {
      const mid = (splits.get(`${ri}:${k}`) ?? []).sort((x, y) => x.u - y.u).map((s) => s.p);
      const pts = [ring[k], ...mid, ring[k + 1]].filter((p, i, all) => i === 0 || key(p) !== key(all[i - 1]));
      for (let i = 0; i + 1 < pts.length; i++) {
        addEdge(pts[i], pts[i + 1], ri === 0 ? null : reservedBase + ri - 1, ri === 0 ? OUTSIDE : null);
      }
    }
  });
  verifyPlanar([...edges.values()]);
  return traceFaces([...edges.values()]);
}

/** Walks faces (interior on the left, tightest clockwise turn at each node) and keeps the bounded ones. */
function traceFaces(edges: [IntPoint, IntPoint, number | null, number | null][]): Face[] {
  const out = new Map<string, HalfEdge[]>();
  const all: HalfEdge[] = [];
  for (const [p, q, left, right] of edges) {
    const h1: HalfEdge = { from: p, to: q, label: left };
    const h2: HalfEdge = { from: q, to: p, label: right, twin: h1 };
    h1.twin = h2;
    for (const h of [h1, h2]) {
      all.push(h);
      out.set(key(h.from), [...(out.get(key(h.from)) ?? []), h]);
    }
  }
  const cycles: HalfEdge[][] = [];
  for (const start of all) {
    if (start.face !== undefined) continue;
    const cycle: HalfEdge[] = [];
    let h = start;
    while (h.face === undefined) {
      h.face = cycles.length;
      cycle.push(h);
      const back = pseudoAngle(h.from[0] - h.to[0], h.from[1] - h.to[1]);
      let best: HalfEdge | undefined;
      let bestTurn = Number.POSITIVE_INFINITY;
      for (const c of out.get(key(h.to)) ?? []) {
        const d = (((back - pseudoAngle(c.to[0] - c.from[0], c.to[1] - c.from[1])) % 4) + 4) % 4;
        const turn = d === 0 ? 4 : d;
        if (turn < bestTurn) [best, bestTurn] = [c, turn];
      }
      h = best!;
    }
    cycles.push(cycle);
  }
  const faceOf = new Map<number, number>();
  const bounded = cycles.filter((cycle, i) => {
    const ok = ringArea2([...cycle.map((h) => h.from), cycle[0].from]) > 0;
    if (ok) faceOf.set(i, faceOf.size);
    return ok;
  });
  return bounded.map((cycle, index) => {
    const ring = [...cycle.map((h) => h.from), cycle[0].from];
    const labels = [...new Set(cycle.map((h) => h.label).filter((l): l is number => l !== null))];
    if (labels.length > 1)
      throw new Error(`face at ${key(ring[0])} has labels ${labels.join(', ')}; seeds too close`);
    const across = cycle.map((h) => faceOf.get(h.twin!.face!) ?? -1);
    return { ring, label: labels[0] ?? null, area2: ringArea2(ring), across, index };
  });
}
