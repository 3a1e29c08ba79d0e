// The fast locate structure: a uniform grid whose answers equal BlockIndex.locate for every point.
//
// Pure cells (almost all) answer with one array read. A boundary cell walks from the query point p
// horizontally to q = (rx, p.y), then vertically to the cell's reference point r, whose containing
// blocks were computed exactly at build time; each segment crossed toggles its block's bit. Only the
// cell's own segments can be crossed, and every predicate is either provably exact or sends the point
// to the exact index (points on a segment, points whose side of a segment is uncertain), so the grid
// reproduces the exact index and its tie-break bit for bit. See docs/locate.md.
import { type BlockIndex, OUTSIDE } from './block-index';
import { buildLocateGridData, type LocateGridOptions } from './locate-grid-build';
import { decodeLocateGrid, encodeLocateGrid } from './locate-grid-codec';
import {
  CELL_OUTSIDE,
  ENTRY_CANDIDATE_SHIFT,
  ENTRY_VERTEX_MASK,
  type LocateGridData,
  orientSign,
  REF_EXACT,
  REF_FRACTIONS,
} from './locate-grid-data';

export type { LocateGridOptions } from './locate-grid-build';

/** Size figures of a grid, for logs and the benchmark. */
export interface LocateGridStats {
  nx: number;
  ny: number;
  cellSizeDeg: number;
  boundaryCells: number;
  /** Boundary cells answered by the exact index (too many candidates, or a far-from-Yuhu extent). */
  exactCells: number;
  outsideCells: number;
  entries: number;
}

/** A locate grid bound to the BlockIndex it was built for; `locate` is the hot path. */
export class LocateGrid {
  readonly data: LocateGridData;
  readonly index: BlockIndex;
  // The hot fields are copied onto the instance so every lookup sees one monomorphic object shape.
  private readonly x0: number;
  private readonly y0: number;
  private readonly cellW: number;
  private readonly cellH: number;
  private readonly invW: number;
  private readonly invH: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly blockCount: number;
  private readonly cells: Uint16Array;
  private readonly rowBase: Uint32Array;
  private readonly coords: Float64Array;

  constructor(data: LocateGridData, index: BlockIndex) {
    this.data = data;
    this.index = index;
    this.x0 = data.x0;
    this.y0 = data.y0;
    this.cellW = data.cellW;
    this.cellH = data.cellH;
    this.invW = 1 / data.cellW;
    this.invH = 1 / data.cellH;
    this.nx = data.nx;
    this.ny = data.ny;
    this.blockCount = data.blockCount;
    this.cells = data.cells;
    this.rowBase = data.rowBase;
    this.coords = index.blocks.coords;
  }

  /** Block index containing the WGS84 point (same answer and tie-break as BlockIndex.locate), or -1. */
  locate(lon: number, lat: number): number {
    const fx = (lon - this.x0) * this.invW;
    const fy = (lat - this.y0) * this.invH;
    if (!(fx >= 0 && fx < this.nx && fy >= 0 && fy < this.ny)) return OUTSIDE;
    const j = fy | 0;
    const v = this.cells[j * this.nx + (fx | 0)];
    if (v < this.blockCount) return v;
    if (v === CELL_OUTSIDE) return OUTSIDE;
    return this.boundary(this.rowBase[j] + v - this.blockCount, fx | 0, j, lon, lat);
  }

  private boundary(c: number, i: number, j: number, x: number, y: number): number {
    const d = this.data;
    const sel = d.refSel[c];
    if (sel === REF_EXACT) return this.index.locate(x, y);
    const rx = this.x0 + (i + REF_FRACTIONS[sel & 7]) * this.cellW;
    const ry = this.y0 + (j + REF_FRACTIONS[sel >> 3]) * this.cellH;
    const co = this.coords;
    const entries = d.entries;
    let mask = d.refMask[c];
    for (let e = d.entryStart[c], end = d.entryStart[c + 1]; e < end; e++) {
      const w = entries[e];
      const k = 2 * (w & ENTRY_VERTEX_MASK);
      const x1 = co[k];
      const y1 = co[k + 1];
      const x2 = co[k + 2];
      const y2 = co[k + 3];
      // Horizontal leg p -> q = (rx, y): half-open crossing rule, as in ray casting.
      if ((y1 <= y || y2 <= y) && (y1 >= y || y2 >= y)) {
        if (y1 === y2) {
          // A horizontal segment on the leg's line: only matters if p or q lies on it.
          if ((x1 <= x || x2 <= x) && (x1 >= x || x2 >= x)) return this.index.locate(x, y);
          if ((x1 <= rx || x2 <= rx) && (x1 >= rx || x2 >= rx)) return this.index.locate(x, y);
        } else {
          const sp = orientSign(x1, y1, x2, y2, x, y);
          const sq = orientSign(x1, y1, x2, y2, rx, y);
          if (sp === 0 || sq === 0) return this.index.locate(x, y);
          if (sp !== sq && y1 > y !== y2 > y) mask ^= 1 << (w >>> ENTRY_CANDIDATE_SHIFT);
        }
      }
      // Vertical leg q -> r at x = rx: segments straddling that line (half-open) are crossed in between.
      // (q on such a segment already went to the exact index above; r is never on one, by construction.)
      if (x1 > rx !== x2 > rx) {
        if (orientSign(x1, y1, x2, y2, rx, y) !== orientSign(x1, y1, x2, y2, rx, ry)) {
          mask ^= 1 << (w >>> ENTRY_CANDIDATE_SHIFT);
        }
      }
    }
    if (mask === 0) return OUTSIDE;
    return d.candidates[d.candStart[c] + 31 - Math.clz32(mask & -mask)];
  }

  /** Size figures for logs and the benchmark. */
  stats(): LocateGridStats {
    const d = this.data;
    let outsideCells = 0;
    for (let c = 0; c < d.cells.length; c++) if (d.cells[c] === CELL_OUTSIDE) outsideCells++;
    let exactCells = 0;
    for (let c = 0; c < d.refSel.length; c++) if (d.refSel[c] === REF_EXACT) exactCells++;
    return {
      nx: d.nx,
      ny: d.ny,
      cellSizeDeg: d.cellW,
      boundaryCells: d.refSel.length,
      exactCells,
      outsideCells,
      entries: d.entries.length,
    };
  }
}

/** Builds the grid for a BlockIndex; do it once when a generation is published, then store the bytes. */
export function buildLocateGrid(index: BlockIndex, options?: LocateGridOptions): LocateGrid {
  return new LocateGrid(buildLocateGridData(index, options), index);
}

/** The grid as a self-checking binary (versioned header, block fingerprint, checksum); little-endian. */
export function serializeLocateGrid(grid: LocateGrid): Uint8Array {
  return encodeLocateGrid(grid.data);
}

/**
 * Loads a serialized grid for `index` without rebuilding it. Throws DomainError `GRID_CORRUPT` for a
 * damaged or truncated binary and `GRID_MISMATCH` for a grid built for other blocks (another generation).
 */
export function deserializeLocateGrid(bytes: Uint8Array, index: BlockIndex): LocateGrid {
  return new LocateGrid(decodeLocateGrid(bytes, index), index);
}
