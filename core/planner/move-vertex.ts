// move_vertex: a corner moves for every block that has it, so shared borders stay shared.
import type { BlockFeature } from '../blocks/generation';
import { type IntPoint, M_PER_DEG_LAT, M_PER_DEG_LON, toInt } from '../geography/geom';
import { borderKind, isLocked, rejectLocked } from './borders';
import { blocksWithVertex, type Coverage, ringOf, withRing } from './coverage';
import { reject } from './errors';
import type { MoveVertexOp } from './ops';
import type { LockedBorders, Patch } from './patch';
import { directedEdge, lonLat, same } from './ring';

/** The stored corner nearest to p and its distance in metres (for "did you mean" messages). */
function nearestVertex(coverage: Coverage, p: IntPoint): { at: IntPoint; m: number } {
  let best = { at: p, m: Number.POSITIVE_INFINITY };
  for (const b of coverage.blocks) {
    for (const q of ringOf(b)) {
      const m = Math.hypot(((q[0] - p[0]) / 1e6) * M_PER_DEG_LON, ((q[1] - p[1]) / 1e6) * M_PER_DEG_LAT);
      if (m < best.m) best = { at: q, m };
    }
  }
  return best;
}

/** The block on the other side of the edge a → b of `block`, if any (none: outer boundary). */
function across(coverage: Coverage, owners: number[], self: number, a: IntPoint, b: IntPoint) {
  const j = owners.find((k) => k !== self && directedEdge(ringOf(coverage.blocks[k]), b, a) >= 0);
  return j === undefined ? undefined : coverage.blocks[j];
}

/**
 * Moves the corner `from` to `to` in every block that has it. Corners on the district's outer boundary
 * (and on locked borders) stay put; the new rings are checked by the caller (checkEdit).
 */
export function moveVertex(coverage: Coverage, op: MoveVertexOp, locked: LockedBorders): Patch {
  const from = toInt(op.from);
  const to = toInt(op.to);
  const owners = blocksWithVertex(coverage, from);
  if (owners.length === 0) {
    const near = nearestVertex(coverage, from);
    reject(
      'EDIT_VERTEX_NOT_FOUND',
      `no block has a corner at ${JSON.stringify(lonLat(from))}; the nearest corner is ${JSON.stringify(lonLat(near.at))} (${near.m.toFixed(1)} m away): send a corner's exact coordinates`,
      {
        at: [lonLat(from)],
        nearest: lonLat(near.at),
        distance_m: near.m,
      },
    );
  }
  if (same(from, to))
    reject(
      'EDIT_NO_CHANGE',
      `the corner is already at ${JSON.stringify(lonLat(to))}; send a different "to"`,
      {
        at: [lonLat(to)],
      },
    );
  const indices = owners.map((o) => o.index);
  const after: BlockFeature[] = [];
  for (const { index, at } of owners) {
    const block = coverage.blocks[index];
    const ring = ringOf(block);
    const n = ring.length;
    for (const [a, b] of [
      [ring[(at + n - 1) % n], from],
      [from, ring[(at + 1) % n]],
    ] as const) {
      const other = across(coverage, indices, index, a, b);
      if (isLocked(borderKind(block, other), locked))
        rejectLocked(block, other, [from], 'moving this corner');
    }
    after.push(
      withRing(
        block,
        ring.map((p, i) => (i === at ? to : p)),
      ),
    );
  }
  return { before: owners.map((o) => coverage.blocks[o.index]), after, geometry: true, fresh: [to] };
}
