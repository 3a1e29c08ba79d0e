// Dissolve polygons that share edges vertex for vertex into one (multi)polygon per group, keeping every vertex.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { GRID, type IntPoint, pointInRing, ringArea2, toInt } from './geom';

/** One input piece: the group it belongs to and its geometry. */
export interface DissolveInput {
  readonly group: string;
  readonly geometry: Polygon | MultiPolygon;
}

interface Edge {
  readonly from: IntPoint;
  readonly to: IntPoint;
  used: boolean;
}

const key = (p: IntPoint) => `${p[0]},${p[1]}`;

/** Monotonic stand-in for the angle of a direction, in [0, 4); exact comparisons without trigonometry. */
function pseudoAngle(dx: number, dy: number): number {
  const p = dy / (Math.abs(dx) + Math.abs(dy));
  if (dx < 0) return 2 - p;
  return dy < 0 ? 4 + p : p;
}

/** Clockwise turn from direction r to direction c, in (0, 4]; a full turn (going back) ranks last. */
function clockwiseFrom(r: number, c: number): number {
  const d = (((r - c) % 4) + 4) % 4;
  return d === 0 ? 4 : d;
}

/** Orients a ring so its interior lies on the left of every edge (outer CCW, hole CW). */
function orientedEdges(ring: readonly Position[], outer: boolean, out: Edge[]): void {
  const pts = ring.map(toInt);
  const ccw = ringArea2(pts) > 0;
  if (ccw !== outer) pts.reverse();
  for (let i = 0; i + 1 < pts.length; i++) {
    if (key(pts[i]) !== key(pts[i + 1])) out.push({ from: pts[i], to: pts[i + 1], used: false });
  }
}

/** Rotates a closed ring so it starts at its lowest (x, then y) vertex: a stable, canonical form. */
function canonical(ring: IntPoint[]): IntPoint[] {
  const open = ring.slice(0, -1);
  let start = 0;
  for (let i = 1; i < open.length; i++) {
    const [x, y] = open[i];
    const [bx, by] = open[start];
    if (x < bx || (x === bx && y < by)) start = i;
  }
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  rotated.push(rotated[0]);
  return rotated;
}

/** Links boundary edges into closed rings, turning as tightly as possible so pinched shapes split cleanly. */
function linkRings(edges: Edge[]): IntPoint[][] {
  const outgoing = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = outgoing.get(key(e.from));
    if (list) list.push(e);
    else outgoing.set(key(e.from), [e]);
  }
  const rings: IntPoint[][] = [];
  for (const start of edges) {
    if (start.used) continue;
    const ring: IntPoint[] = [start.from];
    let edge = start;
    edge.used = true;
    while (key(edge.to) !== key(start.from)) {
      ring.push(edge.to);
      const back = pseudoAngle(edge.from[0] - edge.to[0], edge.from[1] - edge.to[1]);
      const candidates = (outgoing.get(key(edge.to)) ?? []).filter((c) => !c.used);
      if (candidates.length === 0)
        throw new Error(`dissolve: ring is open at ${key(edge.to)}; fix the T-junction or gap there first`);
      let best = candidates[0];
      let bestTurn = Number.POSITIVE_INFINITY;
      for (const c of candidates) {
        const turn = clockwiseFrom(back, pseudoAngle(c.to[0] - c.from[0], c.to[1] - c.from[1]));
        if (turn < bestTurn) [best, bestTurn] = [c, turn];
      }
      best.used = true;
      edge = best;
    }
    ring.push(start.from);
    rings.push(ring);
  }
  return rings;
}

/** Builds a Polygon or MultiPolygon from linked rings: CCW rings are shells, CW rings are holes. */
function assemble(rings: IntPoint[][]): Polygon | MultiPolygon {
  const shells: { ring: IntPoint[]; area: number; holes: IntPoint[][] }[] = [];
  const holes: IntPoint[][] = [];
  for (const ring of rings) {
    const area = ringArea2(ring);
    if (area > 0) shells.push({ ring: canonical(ring), area, holes: [] });
    else if (area < 0) holes.push(canonical(ring));
  }
  if (shells.length === 0)
    throw new Error('dissolve: group has no counter-clockwise shell; check ring orientation');
  for (const hole of holes) {
    const shellKeys = (s: IntPoint[]) => new Set(s.map(key));
    const owner = shells
      .filter((s) => {
        const onShell = shellKeys(s.ring);
        const probe = hole.find((p) => !onShell.has(key(p))) ?? hole[0];
        return pointInRing(probe, s.ring);
      })
      .sort((a, b) => a.area - b.area)[0];
    (owner ?? shells[0]).holes.push(hole);
  }
  const cmp = (a: IntPoint[], b: IntPoint[]) => a[0][0] - b[0][0] || a[0][1] - b[0][1];
  shells.sort((a, b) => cmp(a.ring, b.ring));
  const toLonLat = (ring: IntPoint[]) => ring.map(([x, y]) => [x / GRID, y / GRID]);
  const polygons = shells.map((s) => [s.ring, ...s.holes.sort(cmp)].map(toLonLat));
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Dissolves pieces per group into one geometry each. Pieces must share edges vertex for vertex (no
 * T-junctions): an edge is internal when the same group also holds its reverse. Every vertex on the
 * outline is kept, so neighbours of the result still share vertices with it. Returns groups sorted by key.
 */
export function dissolve(inputs: readonly DissolveInput[]): Map<string, Polygon | MultiPolygon> {
  const byGroup = new Map<string, Edge[]>();
  for (const input of inputs) {
    const edges = byGroup.get(input.group) ?? [];
    byGroup.set(input.group, edges);
    const polygons =
      input.geometry.type === 'Polygon' ? [input.geometry.coordinates] : input.geometry.coordinates;
    for (const rings of polygons) {
      rings.forEach((ring, i) => {
        orientedEdges(ring, i === 0, edges);
      });
    }
  }
  const result = new Map<string, Polygon | MultiPolygon>();
  for (const group of [...byGroup.keys()].sort()) {
    const edges = byGroup.get(group)!;
    const present = new Set(edges.map((e) => `${key(e.from)}>${key(e.to)}`));
    const seen = new Set<string>();
    const boundary = edges.filter((e) => {
      const k = `${key(e.from)}>${key(e.to)}`;
      if (seen.has(k) || present.has(`${key(e.to)}>${key(e.from)}`)) return false;
      seen.add(k);
      return true;
    });
    result.set(group, assemble(linkRings(boundary)));
  }
  return result;
}
