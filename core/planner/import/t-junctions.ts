// T-junction repair: a corner lying on a neighbour's edge (within the tolerance) becomes a corner of that edge too.
import Flatbush from 'flatbush';
import { GRID, type IntPoint, M_PER_DEG_LAT, M_PER_DEG_LON } from '../../geography/geom';
import { intKey } from '../ring';
import { tidyRing } from './rings';

/** Rings to repair: anchors (blocks kept from the current generation) only receive corners, never lose shape. */
export interface RingSet {
  readonly rings: readonly IntPoint[][];
  readonly anchor: readonly boolean[];
  /** Corners that may not move (the anchors' and the district's). */
  readonly fixed: ReadonlySet<string>;
  /** Rings whose insertions are counted (the district outline takes corners only as a reference). */
  readonly counted: (ring: number) => boolean;
}

export interface TJunctionResult {
  readonly rings: IntPoint[][];
  /** Imported corners moved onto an anchor's edge (so the anchor keeps its line). */
  readonly moved: number;
  readonly inserted: number;
  readonly removed: number;
}

/** Farthest a grid point can be from a line it is meant to lie on (half the 1e-6° cell's diagonal). */
export const ON_EDGE_M = 0.075;

/** Position of p's projection on a→b (0 at a, 1 at b) and its distance in metres, in a local metric frame. */
function project(p: IntPoint, a: IntPoint, b: IntPoint): { t: number; m: number } {
  const sx = M_PER_DEG_LON / GRID;
  const sy = M_PER_DEG_LAT / GRID;
  const dx = (b[0] - a[0]) * sx;
  const dy = (b[1] - a[1]) * sy;
  const px = (p[0] - a[0]) * sx;
  const py = (p[1] - a[1]) * sy;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : (px * dx + py * dy) / len2;
  return { t, m: Math.hypot(px - t * dx, py - t * dy) };
}

/** Distinct points of the given rings, with the rings that own each, in a box index. */
function pointIndex(rings: readonly IntPoint[][], use: (ring: number) => boolean) {
  const byKey = new Map<string, { p: IntPoint; owners: Set<number> }>();
  rings.forEach((ring, r) => {
    if (!use(r)) return;
    for (const p of ring) {
      const k = intKey(p);
      const entry = byKey.get(k) ?? { p, owners: new Set<number>() };
      entry.owners.add(r);
      byKey.set(k, entry);
    }
  });
  const list = [...byKey.values()];
  const index = new Flatbush(Math.max(1, list.length));
  for (const { p } of list) index.add(p[0], p[1], p[0], p[1]);
  if (list.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { list, index };
}

/** For each edge of the selected rings, the points within `snapM` of its inside (each point once per ring). */
function nearEdges(
  rings: readonly IntPoint[][],
  which: (ring: number) => boolean,
  points: ReturnType<typeof pointIndex>,
  accept: (point: { p: IntPoint; owners: Set<number> }, ring: number) => boolean,
  snapM: number,
): Map<number, Map<number, { p: IntPoint; t: number; m: number }[]>> {
  const padX = Math.ceil((snapM / M_PER_DEG_LON) * GRID) + 1;
  const padY = Math.ceil((snapM / M_PER_DEG_LAT) * GRID) + 1;
  const out = new Map<number, Map<number, { p: IntPoint; t: number; m: number }[]>>();
  rings.forEach((ring, r) => {
    if (!which(r)) return;
    const best = new Map<number, { edge: number; t: number; m: number }>();
    ring.forEach((a, e) => {
      const b = ring[(e + 1) % ring.length];
      const hits = points.index.search(
        Math.min(a[0], b[0]) - padX,
        Math.min(a[1], b[1]) - padY,
        Math.max(a[0], b[0]) + padX,
        Math.max(a[1], b[1]) + padY,
      );
      for (const h of hits) {
        const point = points.list[h];
        if (!point || point.owners.has(r) || !accept(point, r)) continue;
        const { t, m } = project(point.p, a, b);
        if (t <= 0 || t >= 1 || m > snapM) continue;
        const seen = best.get(h);
        if (!seen || m < seen.m) best.set(h, { edge: e, t, m });
      }
    });
    if (best.size === 0) return;
    const edges = new Map<number, { p: IntPoint; t: number; m: number }[]>();
    for (const [h, { edge, t, m }] of best) {
      const list = edges.get(edge) ?? [];
      list.push({ p: points.list[h].p, t, m });
      edges.set(edge, list);
    }
    out.set(r, edges);
  });
  return out;
}

/**
 * Removes T-junctions between the rings: first every movable corner within `snapM` of an anchor's edge
 * (and not already within ON_EDGE_M of it) moves onto that edge, rounded to the grid; then every corner
 * within `snapM` of another ring's edge is inserted into that edge, in order along it. Anchors (kept
 * blocks, the district outline) only receive imported corners.
 */
export function fixTJunctions(set: RingSet, snapM: number): TJunctionResult {
  const isAnchor = (r: number) => set.anchor[r];
  // 1. Movable corners near an anchor's edge go onto it (the first edge in ring order wins).
  const movable = pointIndex(set.rings, (r) => !isAnchor(r));
  const moves = new Map<string, IntPoint>();
  const onAnchors = nearEdges(set.rings, isAnchor, movable, (pt) => !set.fixed.has(intKey(pt.p)), snapM);
  for (const [r, edges] of [...onAnchors].sort((x, y) => x[0] - y[0])) {
    const ring = set.rings[r];
    for (const [e, list] of [...edges].sort((x, y) => x[0] - y[0])) {
      const [a, b] = [ring[e], ring[(e + 1) % ring.length]];
      for (const { p, t, m } of list) {
        if (m <= ON_EDGE_M) continue; // already on the line, as far as the grid allows
        const q: IntPoint = [Math.round(a[0] + t * (b[0] - a[0])), Math.round(a[1] + t * (b[1] - a[1]))];
        const k = intKey(p);
        if (!moves.has(k) && intKey(q) !== intKey(a) && intKey(q) !== intKey(b)) moves.set(k, q);
      }
    }
  }
  let removed = 0;
  const rings = set.rings.map((ring, r) => {
    if (isAnchor(r)) return ring;
    const tidy = tidyRing(ring.map((p) => moves.get(intKey(p)) ?? p));
    removed += tidy.removed;
    return tidy.ring;
  });
  // 2. Corners lying on another ring's edge are inserted into it; anchors take imported corners only.
  const all = pointIndex(rings, () => true);
  const inserts = nearEdges(
    rings,
    () => true,
    all,
    (pt, r) => !isAnchor(r) || [...pt.owners].some((o) => !isAnchor(o)),
    snapM,
  );
  let inserted = 0;
  const out = rings.map((ring, r) => {
    const edges = inserts.get(r);
    if (!edges) return ring;
    const next: IntPoint[] = [];
    ring.forEach((p, e) => {
      next.push(p);
      const list = (edges.get(e) ?? []).sort((x, y) => x.t - y.t);
      for (const { p: q } of list) next.push(q);
      if (set.counted(r)) inserted += list.length;
    });
    return next;
  });
  return { rings: out, moved: moves.size, inserted, removed };
}
