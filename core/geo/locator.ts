// The point-to-block façade the API uses: one Locator per generation, grid fast path + exact fallback.
import { DomainError } from '../errors';
import {
  type BlockIndex,
  type BlockIndexOptions,
  type BlocksInput,
  buildBlockIndex,
  OUTSIDE,
} from './block-index';
import { type Crs, toWgs84 } from './crs';
import { buildLocateGrid, deserializeLocateGrid, type LocateGrid } from './locate-grid';

/** Where a point is: in exactly one block, or outside every block (outside the district). */
export type LocateResult = { inside: true; blockIndex: number; blockId: string } | { inside: false };

/** The block nearest to a point, with the distance in metres to it (0 when the point is inside). */
export interface NearestResult {
  blockIndex: number;
  blockId: string;
  distanceM: number;
}

/** Options of {@link Locator.fromBlocks}. */
export interface LocatorOptions extends BlockIndexOptions {
  /** A grid serialized for these blocks (`serializeLocateGrid`); loaded, not rebuilt. */
  gridBytes?: Uint8Array;
  /** Without gridBytes: build the grid now (`true`, ~1 s for Yuhu) or answer from the exact index only. */
  buildGrid?: boolean;
}

const OUTSIDE_RESULT: LocateResult = Object.freeze({ inside: false });

/** Answers point lookups for one set of blocks; create once per process and generation, reuse for every request. */
export class Locator {
  readonly index: BlockIndex;
  readonly grid: LocateGrid | null;
  private readonly results: readonly LocateResult[];

  constructor(index: BlockIndex, grid: LocateGrid | null = null) {
    if (grid && grid.data.fingerprint !== index.fingerprint) {
      throw new DomainError(
        'GRID_MISMATCH',
        'the locate grid belongs to other blocks: load it for this index',
        500,
      );
    }
    this.index = index;
    this.grid = grid;
    this.results = index.ids.map((blockId, blockIndex) =>
      Object.freeze({ inside: true, blockIndex, blockId }),
    );
  }

  /** Builds the index from GeoJSON blocks and loads (or builds) the grid. */
  static fromBlocks(blocks: BlocksInput, options: LocatorOptions = {}): Locator {
    const index = buildBlockIndex(blocks, options);
    if (options.gridBytes) return new Locator(index, deserializeLocateGrid(options.gridBytes, index));
    return new Locator(index, options.buildGrid ? buildLocateGrid(index) : null);
  }

  /** Fingerprint of the blocks answered for; equal fingerprints mean identical blocks. */
  get fingerprint(): string {
    return this.index.fingerprint;
  }

  /** Block id of a block index. */
  blockId(blockIndex: number): string {
    return this.index.ids[blockIndex];
  }

  /** Hot path: block index of a WGS84 point, or -1 outside. Never throws; non-finite input is outside. */
  locateIndex(lon: number, lat: number): number {
    return this.grid ? this.grid.locate(lon, lat) : this.index.locate(lon, lat);
  }

  /** The block containing the point (tie-break in block-index.ts), or `{ inside: false }`. Never throws. */
  locate(lon: number, lat: number, crs: Crs = 'wgs84'): LocateResult {
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) return OUTSIDE_RESULT;
    let b: number;
    if (crs === 'wgs84') b = this.locateIndex(lon, lat);
    else {
      const [x, y] = toWgs84(lon, lat, crs);
      b = this.locateIndex(x, y);
    }
    return b === OUTSIDE ? OUTSIDE_RESULT : this.results[b];
  }

  /**
   * Locates many points given as `[lon0, lat0, lon1, lat1, ...]`; returns one block index per point
   * (-1 outside). Pass `out` to reuse a buffer.
   */
  locateMany(
    lonLat: ArrayLike<number>,
    crs: Crs = 'wgs84',
    out = new Int32Array(lonLat.length >> 1),
  ): Int32Array {
    const n = lonLat.length >> 1;
    if (out.length < n)
      throw new RangeError(`out has ${out.length} slots for ${n} points: pass a larger buffer`);
    for (let k = 0; k < n; k++) {
      let x = lonLat[2 * k];
      let y = lonLat[2 * k + 1];
      if (crs !== 'wgs84' && Number.isFinite(x) && Number.isFinite(y)) [x, y] = toWgs84(x, y, crs);
      out[k] = this.locateIndex(x, y);
    }
    return out;
  }

  /** The nearest block and the distance to it in metres (0 inside); for the details of an outside answer. */
  nearest(lon: number, lat: number, crs: Crs = 'wgs84'): NearestResult | null {
    if (!(Number.isFinite(lon) && Number.isFinite(lat))) return null;
    const [x, y] = toWgs84(lon, lat, crs);
    const inside = this.locateIndex(x, y);
    const n = inside === OUTSIDE ? this.index.nearest(x, y) : { blockIndex: inside, distanceM: 0 };
    return { blockIndex: n.blockIndex, blockId: this.index.ids[n.blockIndex], distanceM: n.distanceM };
  }
}
