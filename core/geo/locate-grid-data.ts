// The arrays of a locate grid and the few primitives that its builder and its query must share bit for bit.

/**
 * A uniform grid over the blocks' bounding box. Cell `(i, j)` (column i, row j) covers
 * `[x0 + i·cellW, x0 + (i+1)·cellW) × [y0 + j·cellH, y0 + (j+1)·cellH)`; `cells[j·nx + i]` is
 *  - `< blockCount`: every point of the cell lies in that block (one array read answers),
 *  - `CELL_OUTSIDE`: no point of the cell lies in a block,
 *  - otherwise a boundary cell, number `rowBase[j] + value - blockCount`.
 * A boundary cell `c` keeps the segments that touch it (`entries[entryStart[c] .. entryStart[c+1]-1]`,
 * each `vertexIndex | candidate << ENTRY_CANDIDATE_SHIFT`), its candidate blocks ascending
 * (`candidates[candStart[c] ..]`), a reference point chosen by `refSel[c]` and the bit set of candidates
 * containing that point (`refMask[c]`). `refSel[c] === REF_EXACT` sends the cell to the exact index.
 */
export interface LocateGridData {
  fingerprint: string;
  blockCount: number;
  vertexCount: number;
  nx: number;
  ny: number;
  x0: number;
  y0: number;
  cellW: number;
  cellH: number;
  cells: Uint16Array;
  rowBase: Uint32Array;
  entryStart: Uint32Array;
  candStart: Uint32Array;
  refMask: Uint32Array;
  refSel: Uint8Array;
  candidates: Uint32Array;
  entries: Uint32Array;
}

/** Cell value of a cell outside every block. */
export const CELL_OUTSIDE = 0xffff;
/** Candidate slots per boundary cell (one bit each in a 32-bit mask); more sends the cell to the exact index. */
export const MAX_CANDIDATES = 32;
export const ENTRY_CANDIDATE_SHIFT = 27;
export const ENTRY_VERTEX_MASK = (1 << ENTRY_CANDIDATE_SHIFT) - 1;
/** `refSel` value of a boundary cell answered by the exact index. */
export const REF_EXACT = 255;
/** Fractions of a cell tried, in this order, for the reference point's x (`refSel & 7`) and y (`refSel >> 3`). */
export const REF_FRACTIONS: readonly number[] = [0.5, 0.25, 0.75, 0.375, 0.625, 0.125, 0.875, 0.4375];

/**
 * Sign of the orientation of point (px, py) relative to the line through (x1, y1)-(x2, y2): 1 or -1
 * when the floating-point result is provably right, 0 when the point is on the line *or* the sign is
 * uncertain. Every caller treats 0 as "ask the exact index", so the fast path only ever answers when it
 * is sure. The differences are exact when all coordinates lie within a factor of 2 of each other
 * (Sterbenz), which the builder checks; the bound then covers the two products and the subtraction.
 */
export function orientSign(x1: number, y1: number, x2: number, y2: number, px: number, py: number): number {
  const a = (x2 - x1) * (py - y1);
  const b = (y2 - y1) * (px - x1);
  const det = a - b;
  const bound = 3.3306690738754716e-16 * (Math.abs(a) + Math.abs(b));
  return det > bound ? 1 : det < -bound ? -1 : 0;
}

/** True when every difference of two numbers in [lo, hi] is exact in floating point (Sterbenz lemma). */
export function differencesExact(lo: number, hi: number): boolean {
  return (lo > 0 && hi <= 2 * lo) || (hi < 0 && lo >= 2 * hi);
}
