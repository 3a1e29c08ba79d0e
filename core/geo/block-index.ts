// The exact block index of one generation: flatbush over polygon bounding boxes + point-in-polygon-hao.
//
// TIE-BREAK (the one rule every locate path follows; see docs/locate.md):
//   Blocks are closed sets (a block owns its boundary) and are kept in *index order*: sorted by id in
//   UTF-16 code-unit order. A point belongs to the block with the LOWEST index among all blocks whose
//   closed set contains it. So a point on an edge shared by two blocks, or on a vertex shared by several,
//   belongs to exactly one of them (the one whose id sorts first); a point on the district's outer
//   boundary belongs to its block; a point inside no block is outside (-1). Holes are not part of a block
//   (the hole's own boundary is). The same rule also settles overlapping blocks, should data ever have any.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import pointInPolygon from 'point-in-polygon-hao';
import { type BlockSet, type BlocksInput, createBlockSet } from './block-set';
import { type NearestBlock, nearestBlock } from './nearest-block';

export type { BlocksInput } from './block-set';
export type { NearestBlock } from './nearest-block';

/** Returned by the index-level lookups when a point lies in no block. */
export const OUTSIDE = -1;

/** Options of {@link buildBlockIndex}. */
export interface BlockIndexOptions {
  /** Feature property holding the block id (default `id`). */
  idProperty?: string;
}

/** Exact point-to-block lookup for one set of blocks (one generation); build once per process. */
export class BlockIndex {
  /** Number of blocks; block indices run from 0 to `size - 1` in index order. */
  readonly size: number;
  /** Block ids in index order. */
  readonly ids: readonly string[];
  /** Identifies these exact blocks (ids and coordinates); stored in derived binaries to detect mismatch. */
  readonly fingerprint: string;
  /** The laid-out geometry (flat coordinates, rings) shared with the grid builder. */
  readonly blocks: BlockSet;
  private readonly tree: Flatbush;
  private readonly polys: Position[][][];
  private readonly polyBlock: Uint32Array;
  private readonly pt = [0, 0];

  constructor(blocks: BlockSet) {
    this.blocks = blocks;
    this.size = blocks.ids.length;
    this.ids = blocks.ids;
    this.fingerprint = blocks.fingerprint;
    this.polys = blocks.polygons.flat();
    this.polyBlock = new Uint32Array(this.polys.length);
    this.tree = new Flatbush(Math.max(1, this.polys.length));
    let k = 0;
    blocks.polygons.forEach((polygons, b) => {
      for (const poly of polygons) {
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (const p of poly[0]) {
          if (p[0] < minX) minX = p[0];
          if (p[0] > maxX) maxX = p[0];
          if (p[1] < minY) minY = p[1];
          if (p[1] > maxY) maxY = p[1];
        }
        this.polyBlock[k++] = b;
        this.tree.add(minX, minY, maxX, maxY);
      }
    });
    this.tree.finish();
  }

  /**
   * The index of the block containing the point under the tie-break above, or {@link OUTSIDE}.
   * Exact for every input: this is the reference the fast grid is checked against.
   */
  locate(lon: number, lat: number): number {
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) return OUTSIDE;
    const found = this.tree.search(lon, lat, lon, lat);
    const pt = this.pt;
    pt[0] = lon;
    pt[1] = lat;
    let best = OUTSIDE;
    for (let n = 0; n < found.length; n++) {
      const k = found[n];
      const b = this.polyBlock[k];
      if (best !== OUTSIDE && b >= best) continue;
      if (pointInPolygon(pt, this.polys[k]) !== false) best = b;
    }
    return best;
  }

  /**
   * Blocks whose bounding box comes within `radiusM` metres of the point, ascending (a superset of the blocks
   * within that distance): the few a nearby-reports query needs to read.
   */
  near(lon: number, lat: number, radiusM: number): number[] {
    const dLat = radiusM / 111_000;
    const dLon = dLat / Math.cos((lat * Math.PI) / 180);
    const out = new Set<number>();
    for (const k of this.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat))
      out.add(this.polyBlock[k]);
    return [...out].sort((a, b) => a - b);
  }

  /** Every block whose closed set contains the point, ascending; for tests and the grid builder. */
  containing(lon: number, lat: number): number[] {
    const pt = [lon, lat];
    const out = new Set<number>();
    for (const k of this.tree.search(lon, lat, lon, lat)) {
      if (pointInPolygon(pt, this.polys[k]) !== false) out.add(this.polyBlock[k]);
    }
    return [...out].sort((a, b) => a - b);
  }

  /**
   * The block nearest to a point and the distance to its boundary in metres (0 when inside).
   * For the details of an "outside the district" answer: slower than {@link locate}, off the hot path.
   */
  nearest(lon: number, lat: number): NearestBlock {
    const inside = this.locate(lon, lat);
    if (inside !== OUTSIDE) return { blockIndex: inside, distanceM: 0 };
    return nearestBlock(this.blocks, lon, lat);
  }
}

/** Validates the blocks, sorts them into index order and builds the exact index. */
export function buildBlockIndex(blocks: BlocksInput, options: BlockIndexOptions = {}): BlockIndex {
  return new BlockIndex(createBlockSet(blocks, options.idProperty));
}
