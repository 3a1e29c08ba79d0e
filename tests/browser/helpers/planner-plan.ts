// Picks the planner journey's edits on the real blocks, checked beforehand with the engine itself: an interior
// block of 先锋街道 whose shared corner can be dragged inwards (a point near it then belongs to a neighbour),
// a cut across the reshaped block, and a neighbour merged into the cut's second piece. Computed from the data, so a regenerated geography still has a plan.
import type { BlockFeature } from '../../../core/blocks/generation.js';
import { buildBlockIndex } from '../../../core/geo/block-index.js';
import { Locator } from '../../../core/geo/locator.js';
import { type Coverage, coverageFromBlocks } from '../../../core/planner/coverage.js';
import { applyEdit } from '../../../core/planner/edits.js';

type P = [number, number];
const TOWNSHIP = '430302008'; // 先锋街道: away from the other journeys' places (白石, 火车站, 熙春路)
/** Metres per degree of latitude, and of longitude here (27.9° N). */
const M_LAT = 111_320;
const M_LON = 111_320 * Math.cos((27.9 * Math.PI) / 180);
/** No corner may lie this close (m) to a clicked point: at zoom 16 that is ~19 px, beyond the 12 px snapping. */
const CLEAR_M = 40;

export interface PlannerPlan {
  block: string;
  /** The view the journey opens at (zoom 16). */
  center: P;
  /** A point inside the block, clicked to select it. */
  inside: P;
  from: P;
  to: P;
  /** Halfway between from and to: the block's before, a neighbour's after. */
  moved: P;
  /** The block `moved` belongs to once all the journey's edits are published, and its name. */
  movedOwner: string;
  movedOwnerName: string;
  /** Where the cut is clicked, in order (the engine gets these on the 1e-6° grid). */
  cut: P[];
  /** A line inside the block that crosses nothing: the engine refuses it (EDIT_LINE_DOES_NOT_CROSS). */
  innerLine: P[];
  /** A point well inside the first piece of the split, and that piece's id and name as the engine makes them. */
  pieceProbe: P;
  pieceId: string;
  pieceName: string;
  /** The split's other piece, a point to click in it, and a neighbour of the same community merged into it. */
  otherPiece: string;
  otherProbe: P;
  mergedAway: string;
  mergedProbe: P;
}

const round = (p: readonly number[]): P => [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
const ring = (b: BlockFeature) => (b.geometry.coordinates[0] as P[]).slice(0, -1);
const metres = (a: P, b: P) => Math.hypot((a[0] - b[0]) * M_LON, (a[1] - b[1]) * M_LAT);
const mean = (pts: P[]): P => [
  pts.reduce((s, p) => s + p[0], 0) / pts.length,
  pts.reduce((s, p) => s + p[1], 0) / pts.length,
];
const key = (p: readonly number[]) => `${p[0]},${p[1]}`;

function tryEdit(coverage: Coverage, op: Parameters<typeof applyEdit>[1]) {
  try {
    return applyEdit(coverage, op);
  } catch {
    return null;
  }
}

export function planPlannerJourney(blocks: BlockFeature[]): PlannerPlan {
  const coverage = coverageFromBlocks(blocks);
  const edges = new Map<string, number>();
  const corners: P[] = [];
  for (const b of blocks) {
    const r = ring(b);
    r.forEach((p, i) => {
      corners.push(p);
      const e = [key(p), key(r[(i + 1) % r.length])].sort().join('|');
      edges.set(e, (edges.get(e) ?? 0) + 1);
    });
  }
  const interior = (b: BlockFeature) =>
    ring(b).every((p, i, r) => edges.get([key(p), key(r[(i + 1) % r.length])].sort().join('|')) === 2);
  const clear = (p: P) => corners.every((c) => metres(c, p) > CLEAR_M);
  const candidates = blocks.filter((b) => b.properties.township_code === TOWNSHIP && interior(b));
  for (const block of candidates) {
    const r = ring(block);
    const xs = r.map((p) => p[0]);
    const ys = r.map((p) => p[1]);
    const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if ((e - w) * M_LON > 700 || (n - s) * M_LAT > 600) continue; // must fit the view at zoom 16
    for (let i = 0; i < r.length; i++) {
      const [prev, from, next] = [r[(i + r.length - 1) % r.length], r[i], r[(i + 1) % r.length]];
      const mid = mean([prev, next]);
      const to = round([from[0] + 0.35 * (mid[0] - from[0]), from[1] + 0.35 * (mid[1] - from[1])]);
      if (metres(from, to) < 70) continue; // a drag of at least ~33 px
      const moved = tryEdit(coverage, { op: 'move_vertex', from, to });
      if (!moved) continue;
      const reshaped = moved.coverage.blocks.find((b) => b.properties.id === block.properties.id)!;
      const c = mean(ring(reshaped));
      const wide = (e - w) * M_LON >= (n - s) * M_LAT;
      // A cut across the narrower side, through the middle, from outside to outside.
      const cut: P[] = wide
        ? [round([c[0], s - 0.35 * (n - s)]), round([c[0], n + 0.35 * (n - s)])]
        : [round([w - 0.35 * (e - w), c[1]]), round([e + 0.35 * (e - w), c[1]])];
      if (!cut.every(clear)) continue;
      const split = tryEdit(moved.coverage, { op: 'split_block', block: block.properties.id, line: cut });
      if (split?.added.length !== 2) continue;
      const piece = split.coverage.blocks.find((b) => b.properties.id === split.added[0])!;
      const other = split.coverage.blocks.find((b) => b.properties.id === split.added[1])!;
      const mergeable = split.coverage.blocks.find(
        (b) =>
          b.properties.community_code === other.properties.community_code &&
          b !== piece &&
          b !== other &&
          tryEdit(split.coverage, { op: 'merge_blocks', blocks: [other.properties.id, b.properties.id] }),
      );
      if (!mergeable || !clear(mean(ring(mergeable)))) continue;
      const merged = applyEdit(split.coverage, {
        op: 'merge_blocks',
        blocks: [other.properties.id, mergeable.properties.id],
      }).coverage;
      const final = new Locator(buildBlockIndex({ type: 'FeatureCollection', features: [...merged.blocks] }));
      const movedAt = round(mean([from, to]));
      const owner = final.locate(movedAt[0], movedAt[1]);
      if (!owner.inside || owner.blockId === block.properties.id) continue;
      return {
        movedOwner: owner.blockId,
        movedOwnerName: merged.blocks.find((b) => b.properties.id === owner.blockId)!.properties.name,
        block: block.properties.id,
        center: round(c),
        inside: round(mean(r)),
        from,
        to,
        moved: movedAt,
        cut,
        innerLine: [round(c), round([c[0] + 0.15 * (cut[0][0] - c[0]), c[1] + 0.15 * (cut[0][1] - c[1])])],
        pieceProbe: round(mean(ring(piece))),
        pieceId: piece.properties.id,
        pieceName: piece.properties.name,
        otherPiece: other.properties.id,
        otherProbe: round(mean(ring(other))),
        mergedAway: mergeable.properties.id,
        mergedProbe: round(mean(ring(mergeable))),
      };
    }
  }
  throw new Error(`no block in township ${TOWNSHIP} allows the planner journey's edits; the data changed`);
}
