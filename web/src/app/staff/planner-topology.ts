// What the planner's gestures need to know about the draft's coverage: corners by exact coordinates (neighbours
// share them vertex for vertex), which corners are shared or on the district outline, neighbours of a block,
// and the nearest corner on screen (snapping). The server remains the judge of every edit.
import type { BlockFeature, Blocks } from '../../api/schemas';
import type { LonLat } from '../../map/display-crs';
import type { Vertex } from '../../map/planner-layers';

const key = (p: readonly number[]) => `${p[0]},${p[1]}`;
const edgeKey = (a: readonly number[], b: readonly number[]) => {
  const [x, y] = [key(a), key(b)];
  return x < y ? `${x}|${y}` : `${y}|${x}`;
};

/** The outer ring of a block, without the closing repeat of the first position. */
function ringOf(block: BlockFeature): LonLat[] {
  const g = block.geometry;
  const ring = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0]) as LonLat[];
  return ring.slice(0, -1);
}

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

export function buildTopology(blocks: Blocks): Topology {
  const byId = new Map(blocks.features.map((f) => [f.properties.id, f]));
  const corners = new Map<string, { at: LonLat; blocks: string[] }>();
  const edges = new Map<string, string[]>();
  for (const f of blocks.features) {
    const ring = ringOf(f);
    ring.forEach((p, i) => {
      const c = corners.get(key(p)) ?? { at: [p[0], p[1]] as LonLat, blocks: [] };
      if (!c.blocks.includes(f.properties.id)) c.blocks.push(f.properties.id);
      corners.set(key(p), c);
      const e = edgeKey(p, ring[(i + 1) % ring.length]);
      edges.set(e, [...(edges.get(e) ?? []), f.properties.id]);
    });
  }
  return {
    byId,
    vertices(blockId) {
      const block = byId.get(blockId);
      if (!block) return [];
      const ring = ringOf(block);
      return ring.map((p, i) => {
        const prev = ring[(i + ring.length - 1) % ring.length];
        const next = ring[(i + 1) % ring.length];
        // An edge no other block has is the district's outline: its corners are fixed.
        const outline =
          (edges.get(edgeKey(prev, p))?.length ?? 0) < 2 || (edges.get(edgeKey(p, next))?.length ?? 0) < 2;
        return { at: [p[0], p[1]], shared: (corners.get(key(p))?.blocks.length ?? 0) > 1, outline };
      });
    },
    neighbours(blockId) {
      const block = byId.get(blockId);
      if (!block) return [];
      const ring = ringOf(block);
      const out = new Set<string>();
      ring.forEach((p, i) => {
        for (const id of edges.get(edgeKey(p, ring[(i + 1) % ring.length])) ?? [])
          if (id !== blockId) out.add(id);
      });
      return [...out].sort();
    },
    allCorners: () => [...corners.values()].map((c) => c.at),
    blocksAt: (p) => corners.get(key(p))?.blocks ?? [],
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
