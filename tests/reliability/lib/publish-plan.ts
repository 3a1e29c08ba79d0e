// What the publish test's planner changes, chosen from the shipped blocks: cut lines across one block,
// reshapes of a shared border elsewhere (a bend that moves a probe point from one block to the other),
// and the probe points readers and reporters use near the changed blocks and across the district.
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Polygon } from 'geojson';
import { Locator } from '../../../core/geo/locator.js';
import { reportPoints } from './points.js';

type Pt = [number, number];
type Block = { id: string; ring: Pt[] };

/** The block the planner splits (白石社区第3区块, the docs' example). */
export const SPLIT_BLOCK = 'YH-430302006104-03';

export interface Reshape {
  /** [A, B]: the bend goes into B, so `moved` lies in B before and in A after. */
  blocks: [string, string];
  line: Pt[];
  moved: Pt;
}

export interface PublishPlan {
  splitLines: Pt[][];
  reshapes: Reshape[];
  /** Points inside the changed blocks (the split block, both sides of each reshaped border). */
  changed: Pt[];
  /** One point per community, spread over the district. */
  elsewhere: Pt[];
  /** Blocks whose detail readers ask for (changed ones, their neighbours, a few unchanged). */
  detailIds: string[];
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const LAT0 = 27.86;
const KX = 111_320 * Math.cos((LAT0 * Math.PI) / 180);
const KY = 110_574;
const metres = (a: Pt, b: Pt) => Math.hypot((b[0] - a[0]) * KX, (b[1] - a[1]) * KY);
const key = (p: Pt) => `${p[0]},${p[1]}`;
const signedArea = (ring: Pt[]) =>
  ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1][1] - ring[i + 1][0] * p[1], 0) / 2;
const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const properlyCross = (a: Pt, b: Pt, c: Pt, d: Pt) =>
  cross(a, b, c) * cross(a, b, d) < 0 && cross(c, d, a) * cross(c, d, b) < 0;
const vertexAverage = (ring: Pt[]): Pt => {
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
};

/** Lines through the block's vertex centroid at several angles, long enough to cross it (as tests/api/planner). */
function splitLines(block: Block): Pt[][] {
  const [cx, cy] = vertexAverage(block.ring);
  const size = Math.max(...block.ring.map((p) => Math.hypot(p[0] - cx, p[1] - cy)));
  return [90, 0, 45, 135, 60, 120].map((deg) => {
    const ux = Math.cos((deg * Math.PI) / 180) * size * 1.5;
    const uy = Math.sin((deg * Math.PI) / 180) * size * 1.5;
    return [
      [r6(cx - ux), r6(cy - uy)],
      [r6(cx + ux), r6(cy + uy)],
    ];
  });
}

/** The run of A's ring edges shared with B (in A's order), or null if they share no edge. */
function sharedRun(a: Block, bEdges: Set<string>): Pt[] | null {
  const n = a.ring.length - 1;
  const shared = (i: number) =>
    bEdges.has(`${key(a.ring[(i + 1) % n])}|${key(a.ring[i % n])}`) ||
    bEdges.has(`${key(a.ring[i % n])}|${key(a.ring[(i + 1) % n])}`);
  const start = Array.from({ length: n }, (_, i) => i).find((i) => shared(i) && !shared((i + n - 1) % n));
  if (start === undefined) return null;
  const run: Pt[] = [a.ring[start]];
  for (let i = start; shared(i) && run.length <= n; i++) run.push(a.ring[(i + 1) % n]);
  return run;
}

/** Bends the longest edge of A and B's shared border into B (a triangle free of other corners and edges). */
function reshapeOf(a: Block, b: Block, run: Pt[], all: Block[]): Reshape | null {
  let k = 0;
  for (let i = 1; i + 1 < run.length; i++) if (metres(run[i], run[i + 1]) > metres(run[k], run[k + 1])) k = i;
  const [p, q] = [run[k], run[k + 1]];
  const length = metres(p, q);
  if (length < 150) return null;
  const depth = Math.min(30, 0.15 * length);
  // Rings are counter-clockwise, so A lies left of p→q and B to the right.
  const side = signedArea(a.ring) > 0 ? 1 : -1;
  const [dx, dy] = [((q[0] - p[0]) * KX) / length, ((q[1] - p[1]) * KY) / length];
  const at = (f: number): Pt => [
    r6((p[0] + q[0]) / 2 + (side * dy * depth * f) / KX),
    r6((p[1] + q[1]) / 2 - (side * dx * depth * f) / KY),
  ];
  const bend = at(1);
  const inTriangle = (v: Pt) => {
    const s = [cross(p, q, v), cross(q, bend, v), cross(bend, p, v)];
    return s.every((x) => x > 0) || s.every((x) => x < 0);
  };
  for (const other of all) {
    for (let i = 0; i + 1 < other.ring.length; i++) {
      const [u, v] = [other.ring[i], other.ring[i + 1]];
      if (inTriangle(u) || metres(u, bend) < 10) return null;
      if (properlyCross(p, bend, u, v) || properlyCross(bend, q, u, v)) return null;
    }
  }
  return { blocks: [a.id, b.id], line: [...run.slice(0, k + 1), bend, ...run.slice(k + 1)], moved: at(0.4) };
}

/** The plan on the shipped generation; `locator` checks that every probe point is where it should be. */
export function publishPlan(file = 'data/geojson/blocks.geojson'): PublishPlan {
  const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon, { id: string }>;
  const blocks: Block[] = fc.features.map((f) => ({
    id: f.properties.id,
    ring: f.geometry.coordinates[0] as Pt[],
  }));
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const locator = Locator.fromBlocks(fc as never);
  const split = byId.get(SPLIT_BLOCK);
  if (!split) throw new Error(`${SPLIT_BLOCK} is not in ${file}: pick another block to split`);
  const corners = (b: Block) => new Set(b.ring.map(key));
  const nearSplit = new Set(
    blocks.filter((b) => b.ring.some((v) => corners(split).has(key(v)))).map((b) => b.id),
  );
  const edges = new Map<string, Set<string>>();
  for (const b of blocks) {
    const set = new Set<string>();
    for (let i = 0; i + 1 < b.ring.length; i++) set.add(`${key(b.ring[i])}|${key(b.ring[i + 1])}`);
    edges.set(b.id, set);
  }
  const reshapes: Reshape[] = [];
  for (const a of blocks) {
    if (reshapes.length >= 3) break;
    if (nearSplit.has(a.id) || reshapes.some((r) => r.blocks.includes(a.id))) continue;
    for (const b of blocks) {
      if (b.id === a.id || nearSplit.has(b.id) || reshapes.some((r) => r.blocks.includes(b.id))) continue;
      const run = sharedRun(a, edges.get(b.id)!);
      const reshape = run && reshapeOf(a, b, run, blocks);
      const located = reshape && locator.locate(...reshape.moved);
      if (reshape && located?.inside && located.blockId === b.id) {
        reshapes.push(reshape);
        break;
      }
    }
  }
  if (reshapes.length === 0) throw new Error(`no shared border in ${file} is long enough to reshape`);
  const inside = (b: Block): Pt[] => {
    const c = vertexAverage(b.ring);
    const pts = [c, ...b.ring.slice(0, 4).map((v): Pt => [(c[0] + v[0]) / 2, (c[1] + v[1]) / 2])];
    return pts
      .map((p): Pt => [r6(p[0]), r6(p[1])])
      .filter((p) => {
        const found = locator.locate(...p);
        return found.inside && found.blockId === b.id;
      });
  };
  const reshaped = reshapes.flatMap((r) => r.blocks.map((id) => byId.get(id)!));
  const changed = [...inside(split), ...reshapes.map((r) => r.moved), ...reshaped.flatMap(inside)];
  const elsewhere = reportPoints(file).map((p): Pt => [p.lon, p.lat]);
  const unchanged = elsewhere
    .filter((_, i) => i % 25 === 0)
    .map((p) => (locator.locate(...p) as { blockId: string }).blockId);
  return {
    splitLines: splitLines(split),
    reshapes,
    changed,
    elsewhere,
    detailIds: [
      ...new Set([
        SPLIT_BLOCK,
        ...reshapes.flatMap((r) => r.blocks),
        ...[...nearSplit].slice(0, 3),
        ...unchanged,
      ]),
    ],
  };
}
