// What the planner's gestures need to know about the draft's coverage — which corners are shared or on the
// district outline, neighbours of a block, every corner (snapping) — answered by the edit engine's own
// coverage functions, so the map and the server agree. The server remains the judge of every edit.
import type { BlockFeature as CoreBlock } from '../../../../core/blocks/generation';
import { type IntPoint, toInt } from '../../../../core/geography/geom';
import {
  blocksWithVertex,
  coverageFromBlocks,
  edgeNeighbours,
  otherSide,
  ringOf,
} from '../../../../core/planner/coverage';
import { intKey, lonLat } from '../../../../core/planner/ring';
import type { BlockFeature, Blocks } from '../../api/schemas';
import type { LonLat } from '../../map/display-crs';
import type { Vertex } from '../../map/planner-layers';

export interface Topology {
  readonly byId: ReadonlyMap<string, BlockFeature>;
  /** Corners of a block in ring order, each marked shared (another block has it) or outline (fixed). */
  vertices(blockId: string): Vertex[];
  /** Blocks sharing at least one edge with this one. */
  neighbours(blockId: string): string[];
  /** Every distinct corner of the draft. */
  allCorners(): readonly LonLat[];
  /** The blocks that have this exact corner. */
  blocksAt(p: LonLat): readonly string[];
}

const asLonLat = (p: IntPoint): LonLat => lonLat(p) as LonLat;

/** The draft's coverage as the engine sees it (core/planner/coverage.ts): the same rules as the server's. */
export function buildTopology(blocks: Blocks): Topology {
  const coverage = coverageFromBlocks(blocks.features as unknown as CoreBlock[]);
  const byId = new Map(blocks.features.map((f) => [f.properties.id, f]));
  const indexOf = new Map(coverage.blocks.map((f, i) => [f.properties.id, i]));
  const ids = (indices: readonly number[]) => indices.map((i) => coverage.blocks[i].properties.id).sort();
  let corners: LonLat[] | null = null;
  return {
    byId,
    vertices(blockId) {
      const i = indexOf.get(blockId);
      if (i === undefined) return [];
      const ring = ringOf(coverage.blocks[i]);
      return ring.map((p, k) => {
        const prev = ring[(k + ring.length - 1) % ring.length];
        const next = ring[(k + 1) % ring.length];
        // An edge no other block runs along the other way is the district's outline: its corners are fixed.
        const outline = !otherSide(coverage, prev, p, i).length || !otherSide(coverage, p, next, i).length;
        return { at: asLonLat(p), shared: blocksWithVertex(coverage, p).length > 1, outline };
      });
    },
    neighbours(blockId) {
      const i = indexOf.get(blockId);
      return i === undefined ? [] : ids(edgeNeighbours(coverage, i));
    },
    allCorners() {
      if (!corners) {
        const unique = new Map<string, IntPoint>();
        for (const b of coverage.blocks) for (const p of ringOf(b)) unique.set(intKey(p), p);
        corners = [...unique.values()].map(asLonLat);
      }
      return corners;
    },
    blocksAt: (p) => ids(blocksWithVertex(coverage, toInt(p)).map((x) => x.index)),
  };
}

/** The candidate nearest to `screen` within `maxPx` pixels (after `project`), or null. */
export function nearestOnScreen(
  candidates: readonly LonLat[],
  screen: { x: number; y: number },
  project: (p: LonLat) => { x: number; y: number },
  maxPx: number,
): LonLat | null {
  let best: LonLat | null = null;
  let bestD = maxPx * maxPx;
  for (const c of candidates) {
    const s = project(c);
    const d = (s.x - screen.x) ** 2 + (s.y - screen.y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** A WGS84 position on the coverage's 1e-6° grid (what the engine stores). */
export const onGrid = (p: readonly number[]): LonLat => [
  Math.round(p[0] * 1e6) / 1e6,
  Math.round(p[1] * 1e6) / 1e6,
];
