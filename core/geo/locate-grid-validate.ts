// Structural checks of loaded grid arrays, so a damaged file can never index outside its arrays.
import {
  ENTRY_CANDIDATE_SHIFT,
  ENTRY_VERTEX_MASK,
  type LocateGridData,
  REF_EXACT,
  REF_FRACTIONS,
} from './locate-grid-data';

/** Returns what is wrong with the arrays, or null when every reference stays in range. */
export function validateLocateGrid(d: LocateGridData, outside: number): string | null {
  const nb = d.refSel.length;
  if (!(d.cellW > 0 && d.cellH > 0 && Number.isFinite(d.x0) && Number.isFinite(d.y0))) {
    return 'bad grid frame';
  }
  const { cells, rowBase, nx, ny, blockCount } = d;
  for (let j = 0; j < ny; j++) {
    const base = rowBase[j];
    const next = j + 1 < ny ? rowBase[j + 1] : nb;
    if (next < base || next > nb) return `row ${j} has a bad boundary-cell range`;
    // Boundary cells of a row are numbered 0, 1, 2, ... from blockCount upwards.
    let seen = blockCount;
    for (let c = j * nx, end = c + nx; c < end; c++) {
      const v = cells[c];
      if (v >= blockCount && v !== outside && v !== seen++) return `cell ${c % nx},${j} is out of sequence`;
    }
    if (base + seen - blockCount !== next) return `row ${j} has the wrong number of boundary cells`;
  }
  if (d.entryStart[0] !== 0 || d.entryStart[nb] !== d.entries.length) return 'bad entry offsets';
  if (d.candStart[0] !== 0 || d.candStart[nb] !== d.candidates.length) return 'bad candidate offsets';
  const maxVertex = d.vertexCount - 1;
  for (let c = 0; c < nb; c++) {
    const e0 = d.entryStart[c];
    const e1 = d.entryStart[c + 1];
    const c0 = d.candStart[c];
    const c1 = d.candStart[c + 1];
    if (e1 < e0 || c1 < c0 || c1 - c0 > 32) return `boundary cell ${c} has bad offsets`;
    const sel = d.refSel[c];
    if (sel !== REF_EXACT && sel >= REF_FRACTIONS.length ** 2)
      return `boundary cell ${c} has a bad reference`;
    if (c1 - c0 < 32 && d.refMask[c] >>> (c1 - c0) !== 0) return `boundary cell ${c} has a bad mask`;
    for (let k = c0; k < c1; k++) {
      if (d.candidates[k] >= d.blockCount || (k > c0 && d.candidates[k] <= d.candidates[k - 1])) {
        return `boundary cell ${c} has bad candidates`;
      }
    }
    for (let e = e0; e < e1; e++) {
      const w = d.entries[e];
      if ((w & ENTRY_VERTEX_MASK) >= maxVertex || w >>> ENTRY_CANDIDATE_SHIFT >= c1 - c0) {
        return `boundary cell ${c} has a bad segment entry`;
      }
    }
  }
  return null;
}
