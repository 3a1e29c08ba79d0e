// The draft coverage the planner edits (GeoJSON blocks + cadre roles) and exact lookups on its 1e-6° grid.
import area from '@turf/area';
import type { BlockFeature } from '../blocks/generation';
import { type IntPoint, toInt } from '../geography/geom';
import { reject } from './errors';
import { directedEdge, intKey, lonLat, same } from './ring';

/** Who serves one block in a draft (the bookkeeping part of an assignment). */
export interface CadreRoles {
  readonly governor: string;
  readonly assistants: readonly string[];
  readonly supervisor: string;
}

/**
 * One draft's complete state: every block (Polygon, no holes, sorted by id, coordinates on the 1e-6°
 * grid, neighbours sharing vertices exactly), the cadres of each block, and the ids edits have retired
 * (never handed out again, so a new block never takes an old block's id).
 */
export interface Coverage {
  readonly blocks: readonly BlockFeature[];
  readonly assignments: Readonly<Record<string, CadreRoles>>;
  readonly retired_ids: readonly string[];
}

/** Builds a coverage from blocks (e.g. a generation's), sorted by id; blocks must be hole-free Polygons. */
export function coverageFromBlocks(
  blocks: readonly BlockFeature[],
  assignments: Readonly<Record<string, CadreRoles>> = {},
  retiredIds: readonly string[] = [],
): Coverage {
  for (const b of blocks) {
    if (b.geometry.type !== 'Polygon' || b.geometry.coordinates.length !== 1)
      reject(
        'EDIT_INVALID_GEOMETRY',
        `block ${b.properties.id} must be a Polygon without holes to be edited`,
        {
          blocks: [b.properties.id],
        },
      );
  }
  return { blocks: sortById(blocks), assignments, retired_ids: retiredIds };
}

/** The roles part of stored assignments (cadres.json, or a generation's ASSIGN# items), keyed by block id. */
export function rolesByBlock(
  assignments: readonly (CadreRoles & { readonly block_id: string })[],
): Record<string, CadreRoles> {
  return Object.fromEntries(
    assignments.map((a) => [
      a.block_id,
      { governor: a.governor, assistants: [...a.assistants], supervisor: a.supervisor },
    ]),
  );
}

/** Blocks sorted by id (UTF-16 order, as the locate tie-break). */
export function sortById(blocks: readonly BlockFeature[]): BlockFeature[] {
  return [...blocks].sort((a, b) =>
    a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0,
  );
}

const ringCache = new WeakMap<BlockFeature, IntPoint[]>();
const boxCache = new WeakMap<BlockFeature, [number, number, number, number]>();

/** A block's outer ring in integer micro-degrees, open (no closing repeat); cached per feature object. */
export function ringOf(block: BlockFeature): IntPoint[] {
  let ring = ringCache.get(block);
  if (!ring) {
    if (block.geometry.type !== 'Polygon')
      reject('EDIT_INVALID_GEOMETRY', `block ${block.properties.id} must be a Polygon to be edited`);
    ring = block.geometry.coordinates[0].slice(0, -1).map(toInt);
    ringCache.set(block, ring);
  }
  return ring;
}

/** Integer bounding box [minX, minY, maxX, maxY] of a block; cached per feature object. */
export function boxOf(block: BlockFeature): [number, number, number, number] {
  let box = boxCache.get(block);
  if (!box) {
    box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of ringOf(block)) {
      box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
    }
    boxCache.set(block, box);
  }
  return box;
}

/** A new block feature with `ring` (open, integer) as geometry and area_m2 recomputed. */
export function withRing(
  block: BlockFeature,
  ring: readonly IntPoint[],
  properties: Partial<BlockFeature['properties']> = {},
): BlockFeature {
  const coordinates = [[...ring, ring[0]].map(lonLat)];
  const geometry = { type: 'Polygon' as const, coordinates };
  const feature: BlockFeature = {
    type: 'Feature',
    properties: { ...block.properties, ...properties, area_m2: Math.round(area(geometry)) },
    geometry,
  };
  ringCache.set(feature, ring.slice());
  return feature;
}

/** The block with this id and its index, or a 422 naming the id. */
export function findBlock(coverage: Coverage, id: string): { index: number; block: BlockFeature } {
  const index = coverage.blocks.findIndex((b) => b.properties.id === id);
  if (index < 0)
    reject('EDIT_UNKNOWN_BLOCK', `block ${id} is not in this draft; reload the draft`, { blocks: [id] });
  return { index, block: coverage.blocks[index] };
}

/** Indices of the blocks whose ring has vertex p, with its position in each ring. */
export function blocksWithVertex(coverage: Coverage, p: IntPoint): { index: number; at: number }[] {
  const out: { index: number; at: number }[] = [];
  coverage.blocks.forEach((b, index) => {
    const box = boxOf(b);
    if (p[0] < box[0] || p[0] > box[2] || p[1] < box[1] || p[1] > box[3]) return;
    const at = ringOf(b).findIndex((q) => same(p, q));
    if (at >= 0) out.push({ index, at });
  });
  return out;
}

/** Blocks other than `except` whose ring runs b → a (the other side of the edge a → b). */
export function otherSide(coverage: Coverage, a: IntPoint, b: IntPoint, except: number): number[] {
  return blocksWithVertex(coverage, a)
    .filter(({ index }) => index !== except && directedEdge(ringOf(coverage.blocks[index]), b, a) >= 0)
    .map(({ index }) => index);
}

/** Indices of the blocks that share at least one edge with block `index`. */
export function edgeNeighbours(coverage: Coverage, index: number): number[] {
  const ring = ringOf(coverage.blocks[index]);
  const edges = new Set(ring.map((p, i) => `${intKey(ring[(i + 1) % ring.length])}>${intKey(p)}`));
  const [x0, y0, x1, y1] = boxOf(coverage.blocks[index]);
  const out: number[] = [];
  coverage.blocks.forEach((b, j) => {
    const box = boxOf(b);
    if (j === index || box[0] > x1 || box[2] < x0 || box[1] > y1 || box[3] < y0) return;
    const r = ringOf(b);
    if (r.some((p, i) => edges.has(`${intKey(p)}>${intKey(r[(i + 1) % r.length])}`))) out.push(j);
  });
  return out;
}

/** `count` unused block ids in a community: above every live or retired number there (2 digits). */
export function nextBlockIds(coverage: Coverage, communityCode: string, count: number): string[] {
  const prefix = `YH-${communityCode}-`;
  let top = 0;
  for (const id of [...coverage.blocks.map((b) => b.properties.id), ...coverage.retired_ids]) {
    if (id.startsWith(prefix)) top = Math.max(top, Number(id.slice(prefix.length)) || 0);
  }
  if (top + count > 99)
    reject(
      'EDIT_TOO_MANY_BLOCKS',
      `community ${communityCode} has no free block number left (ids stop at 99)`,
      {
        community: communityCode,
      },
    );
  return Array.from({ length: count }, (_, i) => `${prefix}${String(top + i + 1).padStart(2, '0')}`);
}

/** The display name of block number n of a community, as the shipped data names them. */
export function blockName(communityName: string, id: string): string {
  return `${communityName}第${Number(id.slice(-2))}区块`;
}
