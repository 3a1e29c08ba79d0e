// Finds, for every grid cell, the block segments that touch it (conservatively: a superset is harmless).
import type { BlockSet } from './block-set';

/** Segments per cell: cell c holds `vertex[start[c] .. start[c+1]-1]` (first vertices), owned by `block[..]`. */
export interface CellSegments {
  nx: number;
  start: Uint32Array;
  vertex: Uint32Array;
  block: Uint32Array;
}

interface Frame {
  nx: number;
  ny: number;
  x0: number;
  y0: number;
  cellW: number;
  cellH: number;
}

/**
 * Each cell is widened by a millionth of its size on every side before testing, so a query point
 * whose cell number is off by floating-point rounding still lies in the region the cell describes.
 * Within a cell, segments keep their order in `coords`, which makes the result deterministic.
 */
export function segmentsByCell(blocks: BlockSet, f: Frame): CellSegments {
  const { coords, ringStart, ringBlock } = blocks;
  const mx = f.cellW * 1e-6;
  const my = f.cellH * 1e-6;
  const hitCell: number[] = [];
  const hitVertex: number[] = [];
  const clampI = (i: number) => Math.min(f.nx - 1, Math.max(0, i));
  const clampJ = (j: number) => Math.min(f.ny - 1, Math.max(0, j));
  for (let r = 0; r < ringBlock.length; r++) {
    for (let v = ringStart[r]; v < ringStart[r + 1] - 1; v++) {
      const x1 = coords[2 * v];
      const y1 = coords[2 * v + 1];
      const x2 = coords[2 * v + 2];
      const y2 = coords[2 * v + 3];
      const sx0 = Math.min(x1, x2);
      const sx1 = Math.max(x1, x2);
      const sy0 = Math.min(y1, y2);
      const sy1 = Math.max(y1, y2);
      const i0 = clampI(Math.floor((sx0 - f.x0) / f.cellW) - 1);
      const i1 = clampI(Math.floor((sx1 - f.x0) / f.cellW) + 1);
      for (let i = i0; i <= i1; i++) {
        const bx0 = f.x0 + i * f.cellW - mx;
        const bx1 = f.x0 + (i + 1) * f.cellW + mx;
        const ax = Math.max(sx0, bx0);
        const bx = Math.min(sx1, bx1);
        if (ax > bx) continue;
        let ya = sy0;
        let yb = sy1;
        if (x1 !== x2) {
          const t = (y2 - y1) / (x2 - x1);
          ya = Math.min(sy1, Math.max(sy0, y1 + (ax - x1) * t));
          yb = Math.min(sy1, Math.max(sy0, y1 + (bx - x1) * t));
        }
        const j0 = clampJ(Math.floor((Math.min(ya, yb) - f.y0) / f.cellH) - 1);
        const j1 = clampJ(Math.floor((Math.max(ya, yb) - f.y0) / f.cellH) + 1);
        for (let j = j0; j <= j1; j++) {
          const by0 = f.y0 + j * f.cellH - my;
          const by1 = f.y0 + (j + 1) * f.cellH + my;
          if (segmentTouchesBox(x1, y1, x2, y2, bx0, by0, bx1, by1)) {
            hitCell.push(j * f.nx + i);
            hitVertex.push(v);
          }
        }
      }
    }
  }
  return groupByCell(blocks, f.nx, f.nx * f.ny, hitCell, hitVertex);
}

function groupByCell(blocks: BlockSet, nx: number, n: number, hitCell: number[], hitVertex: number[]) {
  const start = new Uint32Array(n + 1);
  for (const c of hitCell) start[c + 1]++;
  for (let c = 0; c < n; c++) start[c + 1] += start[c];
  const fill = start.slice(0, n);
  const vertex = new Uint32Array(hitCell.length);
  for (let k = 0; k < hitCell.length; k++) vertex[fill[hitCell[k]]++] = hitVertex[k];
  const vertexBlock = new Uint32Array(blocks.coords.length / 2);
  for (let r = 0; r < blocks.ringBlock.length; r++) {
    vertexBlock.fill(blocks.ringBlock[r], blocks.ringStart[r], blocks.ringStart[r + 1]);
  }
  const block = vertex.map((v) => vertexBlock[v]);
  return { nx, start, vertex, block };
}

/** False only when the segment certainly misses the box (separating-axis test with a safety tolerance). */
function segmentTouchesBox(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  bx0: number,
  by0: number,
  bx1: number,
  by1: number,
): boolean {
  if (Math.max(x1, x2) < bx0 || Math.min(x1, x2) > bx1) return false;
  if (Math.max(y1, y2) < by0 || Math.min(y1, y2) > by1) return false;
  const sides =
    side(x1, y1, x2, y2, bx0, by0) +
    side(x1, y1, x2, y2, bx1, by0) +
    side(x1, y1, x2, y2, bx0, by1) +
    side(x1, y1, x2, y2, bx1, by1);
  return sides !== 4 && sides !== -4; // all four corners strictly on one side: the line misses the box
}

function side(x1: number, y1: number, x2: number, y2: number, px: number, py: number): number {
  const a = (x2 - x1) * (py - y1);
  const b = (y2 - y1) * (px - x1);
  const tol = 1e-9 * (Math.abs(a) + Math.abs(b));
  return a - b > tol ? 1 : a - b < -tol ? -1 : 0;
}
