// Random edit commands for property tests, resolved against the current coverage without the planner's code.
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import type { BlockFeature } from '../../../core/blocks/generation';
import type { Coverage } from '../../../core/planner/coverage';
import type { EditOp } from '../../../core/planner/ops';

export type Command =
  | { kind: 'move'; pick: number; dx: number; dy: number }
  | { kind: 'split'; pick: number; angle: number; offset: number; bend: number }
  | { kind: 'merge'; pick: number }
  | { kind: 'reshape'; pick: number; bend: number }
  | { kind: 'reassign'; pick: number };

const pick = fc.nat(10_000);
/** Vertex shifts in micro-degrees: mostly small (valid), sometimes beyond the neighbours (refused). */
const shift = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -700, max: 700 }) },
  fc.integer({ min: -3000, max: 3000 }),
);
/** One abstract command; `pick` chooses among the candidates the current coverage offers. */
export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('move' as const), pick, dx: shift, dy: shift }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('split' as const),
      pick,
      angle: fc.integer({ min: 0, max: 179 }),
      offset: fc.double({ min: -0.6, max: 0.6, noNaN: true }),
      bend: fc.integer({ min: -1500, max: 1500 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reshape' as const),
      pick,
      bend: fc.integer({ min: -1200, max: 1200 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reassign' as const), pick }) },
);

export type Pt = [number, number];
export const ring = (b: BlockFeature): Pt[] =>
  (b.geometry as Polygon).coordinates[0]
    .slice(0, -1)
    .map((p) => [Math.round(p[0] * 1e6), Math.round(p[1] * 1e6)]);
const key = (p: readonly number[]) => `${p[0]},${p[1]}`;
export const pos = (p: readonly number[]): [number, number] => [p[0] / 1e6, p[1] / 1e6];

/** Directed edge keys "a>b" of every block, for finding shared edges. */
export function edgeOwners(blocks: readonly BlockFeature[]): Map<string, number> {
  const out = new Map<string, number>();
  blocks.forEach((b, i) => {
    const r = ring(b);
    r.forEach((p, k) => {
      out.set(`${key(p)}>${key(r[(k + 1) % r.length])}`, i);
    });
  });
  return out;
}

/** Vertices whose every edge is shared by two blocks (not on the outline), and those on the outline. */
export function vertices(blocks: readonly BlockFeature[]): { interior: Pt[]; outer: Pt[] } {
  const owners = edgeOwners(blocks);
  const outerKeys = new Set<string>();
  const all = new Map<string, Pt>();
  for (const b of blocks) {
    const r = ring(b);
    r.forEach((p, k) => {
      const q = r[(k + 1) % r.length];
      all.set(key(p), p);
      if (!owners.has(`${key(q)}>${key(p)}`)) outerKeys.add(key(p)).add(key(q));
    });
  }
  const sorted = [...all.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    interior: sorted.filter((p) => !outerKeys.has(key(p))),
    outer: sorted.filter((p) => outerKeys.has(key(p))),
  };
}

/** Pairs of blocks sharing an edge, each with the run of A's vertices along their shared border. */
export function adjacentPairs(blocks: readonly BlockFeature[]): { a: number; b: number; chain: Pt[] }[] {
  const owners = edgeOwners(blocks);
  const out: { a: number; b: number; chain: Pt[] }[] = [];
  blocks.forEach((block, a) => {
    const r = ring(block);
    const n = r.length;
    const other = r.map((p, k) => owners.get(`${key(r[(k + 1) % n])}>${key(p)}`));
    for (let k = 0; k < n; k++) {
      const b = other[k];
      if (b === undefined || b < a || other[(k + n - 1) % n] === b) continue;
      const chain = [r[k]];
      for (let m = k; other[m % n] === b && chain.length <= n; m++) chain.push(r[(m + 1) % n]);
      out.push({ a, b, chain });
    }
  });
  return out;
}

/** Turns a command into an operation on this coverage (null when it offers no candidate). */
export function resolve(command: Command, coverage: Coverage): EditOp | null {
  const blocks = coverage.blocks;
  const id = (i: number) => blocks[i].properties.id;
  if (command.kind === 'move') {
    const { interior } = vertices(blocks);
    if (interior.length === 0) return null;
    const v = interior[command.pick % interior.length];
    return { op: 'move_vertex', from: pos(v), to: pos([v[0] + command.dx, v[1] + command.dy]) };
  }
  if (command.kind === 'split') {
    const r = ring(blocks[command.pick % blocks.length]);
    const cx = r.reduce((s, p) => s + p[0], 0) / r.length;
    const cy = r.reduce((s, p) => s + p[1], 0) / r.length;
    const size = Math.max(...r.map((p) => Math.hypot(p[0] - cx, p[1] - cy)));
    const [ux, uy] = [Math.cos((command.angle * Math.PI) / 180), Math.sin((command.angle * Math.PI) / 180)];
    const [ox, oy] = [cx - uy * command.offset * size, cy + ux * command.offset * size];
    const far = 1.5 * size;
    const line: Position[] = [[ox - ux * far, oy - uy * far]];
    if (command.bend !== 0) line.push([ox - uy * command.bend, oy + ux * command.bend]);
    line.push([ox + ux * far, oy + uy * far]);
    return {
      op: 'split_block',
      block: id(command.pick % blocks.length),
      line: line.map((p) => pos([Math.round(p[0]), Math.round(p[1])])),
    };
  }
  const pairs = adjacentPairs(blocks);
  if (command.kind === 'merge') {
    const same = pairs.filter(
      (p) => blocks[p.a].properties.community_code === blocks[p.b].properties.community_code,
    );
    if (same.length === 0) return null;
    const p = same[command.pick % same.length];
    return { op: 'merge_blocks', blocks: [id(p.a), id(p.b)] };
  }
  if (command.kind === 'reshape') {
    if (pairs.length === 0) return null;
    const { a, b, chain } = pairs[command.pick % pairs.length];
    const [s, e] = [chain[0], chain[chain.length - 1]];
    const len = Math.hypot(e[0] - s[0], e[1] - s[1]) || 1;
    const [nx, ny] = [-(e[1] - s[1]) / len, (e[0] - s[0]) / len];
    const inner = chain.length > 2 ? chain.slice(1, -1) : [[(s[0] + e[0]) / 2, (s[1] + e[1]) / 2]];
    const bent = inner.map((p) => [
      Math.round(p[0] + nx * command.bend),
      Math.round(p[1] + ny * command.bend),
    ]);
    return { op: 'reshape_edge', blocks: [id(a), id(b)], line: [s, ...bent, e].map(pos) };
  }
  const across = pairs.filter(
    (p) => blocks[p.a].properties.community_code !== blocks[p.b].properties.community_code,
  );
  if (across.length === 0) return null;
  const p = across[command.pick % across.length];
  const [from, to] = command.pick % 2 === 0 ? [p.a, p.b] : [p.b, p.a];
  return { op: 'reassign_block', block: id(from), community: blocks[to].properties.community_code };
}
