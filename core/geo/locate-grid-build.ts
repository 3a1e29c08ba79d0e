// Builds the locate grid of a BlockIndex: pure cells answer with one read, boundary cells keep their segments.
import { DomainError } from '../errors';
import { type BlockIndex, OUTSIDE } from './block-index';
import {
  CELL_OUTSIDE,
  differencesExact,
  ENTRY_CANDIDATE_SHIFT,
  ENTRY_VERTEX_MASK,
  type LocateGridData,
  MAX_CANDIDATES,
  orientSign,
  REF_EXACT,
  REF_FRACTIONS,
} from './locate-grid-data';
import { type CellSegments, segmentsByCell } from './locate-grid-raster';

/** Options of the grid builder. */
export interface LocateGridOptions {
  /** Upper bound on the number of cells (default 2^20: about 2 MB of cells, ~30 m cells for Yuhu). */
  maxCells?: number;
}

/** Deterministic: the same blocks and options always give the same arrays (and the same bytes). */
export function buildLocateGridData(index: BlockIndex, options: LocateGridOptions = {}): LocateGridData {
  const maxCells = options.maxCells ?? 1 << 20;
  const { bboxes, coords } = index.blocks;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let b = 0; b < index.size; b++) {
    minX = Math.min(minX, bboxes[4 * b]);
    minY = Math.min(minY, bboxes[4 * b + 1]);
    maxX = Math.max(maxX, bboxes[4 * b + 2]);
    maxY = Math.max(maxY, bboxes[4 * b + 3]);
  }
  // Square cells (in degrees) with half a cell of padding all round, so points off the grid are outside.
  const w = Math.max(maxX - minX, 1e-9);
  const h = Math.max(maxY - minY, 1e-9);
  let cell = Math.sqrt((w * h) / maxCells);
  while (Math.ceil(w / cell + 1) * Math.ceil(h / cell + 1) > maxCells) cell *= 1.01;
  const nx = Math.ceil(w / cell + 1);
  const ny = Math.ceil(h / cell + 1);
  if (index.size + nx >= CELL_OUTSIDE) {
    throw new DomainError(
      'GRID_TOO_LARGE',
      `${index.size} blocks and ${nx} columns do not fit 16-bit cells: lower maxCells or use the exact index`,
    );
  }
  if (coords.length / 2 > ENTRY_VERTEX_MASK) {
    throw new DomainError('GRID_TOO_LARGE', 'more than 2^27 vertices: simplify the blocks before indexing');
  }
  const x0 = minX - cell / 2;
  const y0 = minY - cell / 2;
  const grid = { nx, ny, x0, y0, cellW: cell, cellH: cell };
  const exactDifferences = differencesExact(x0, x0 + nx * cell) && differencesExact(y0, y0 + ny * cell);
  const segs = segmentsByCell(index.blocks, grid);
  const cells = new Uint16Array(nx * ny);
  const rowBase = new Uint32Array(ny);
  const entryStart = [0];
  const candStart = [0];
  const refMask: number[] = [];
  const refSel: number[] = [];
  const candidates: number[] = [];
  const entries: number[] = [];
  for (let j = 0; j < ny; j++) {
    rowBase[j] = refSel.length;
    let runValue = -1; // value of the pure run we are in, -1 after a boundary cell
    for (let i = 0; i < nx; i++) {
      const c = j * nx + i;
      if (segs.start[c] === segs.start[c + 1]) {
        // Adjacent pure cells share their membership: no boundary runs between them.
        if (runValue < 0) {
          const b = index.locate(x0 + (i + 0.5) * cell, y0 + (j + 0.5) * cell);
          runValue = b === OUTSIDE ? CELL_OUTSIDE : b;
        }
        cells[c] = runValue;
        continue;
      }
      runValue = -1;
      cells[c] = index.size + refSel.length - rowBase[j];
      const cellEntries = exactDifferences ? boundaryCell(index, segs, grid, i, j) : null;
      if (cellEntries === null) {
        refSel.push(REF_EXACT);
        refMask.push(0);
      } else {
        refSel.push(cellEntries.sel);
        refMask.push(cellEntries.mask >>> 0);
        candidates.push(...cellEntries.candidates);
        entries.push(...cellEntries.entries);
      }
      entryStart.push(entries.length);
      candStart.push(candidates.length);
    }
  }
  return {
    fingerprint: index.fingerprint,
    blockCount: index.size,
    vertexCount: coords.length / 2,
    ...grid,
    cells,
    rowBase,
    entryStart: Uint32Array.from(entryStart),
    candStart: Uint32Array.from(candStart),
    refMask: Uint32Array.from(refMask),
    refSel: Uint8Array.from(refSel),
    candidates: Uint32Array.from(candidates),
    entries: Uint32Array.from(entries),
  };
}

interface GridFrame {
  x0: number;
  y0: number;
  cellW: number;
  cellH: number;
}

/** Picks the reference point and candidates of one boundary cell, or null to defer it to the exact index. */
function boundaryCell(index: BlockIndex, segs: CellSegments, g: GridFrame, i: number, j: number) {
  const { coords } = index.blocks;
  const from = segs.start[j * segs.nx + i];
  const to = segs.start[j * segs.nx + i + 1];
  for (let sel = 0; sel < 64; sel++) {
    // The same expressions as the query, so both see the same reference point bit for bit.
    const rx = g.x0 + (i + REF_FRACTIONS[sel & 7]) * g.cellW;
    const ry = g.y0 + (j + REF_FRACTIONS[sel >> 3]) * g.cellH;
    let clear = true;
    for (let e = from; e < to && clear; e++) {
      const v = 2 * segs.vertex[e];
      clear = orientSign(coords[v], coords[v + 1], coords[v + 2], coords[v + 3], rx, ry) !== 0;
    }
    if (!clear) continue;
    const inRef = index.containing(rx, ry);
    const set = new Set(inRef);
    for (let e = from; e < to; e++) set.add(segs.block[e]);
    const candidates = [...set].sort((a, b) => a - b);
    if (candidates.length > MAX_CANDIDATES) return null;
    const slot = new Map(candidates.map((b, k) => [b, k]));
    let mask = 0;
    for (const b of inRef) mask |= 1 << slot.get(b)!;
    const entries: number[] = [];
    for (let e = from; e < to; e++) {
      entries.push((segs.vertex[e] | (slot.get(segs.block[e])! << ENTRY_CANDIDATE_SHIFT)) >>> 0);
    }
    return { sel, mask, candidates, entries };
  }
  return null;
}
