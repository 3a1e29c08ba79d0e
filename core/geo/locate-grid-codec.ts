// Binary format of a locate grid: versioned header, block fingerprint, checksum, 8-byte aligned sections.
import { DomainError } from '../errors';
import type { BlockIndex } from './block-index';
import { Hash32, hex32 } from './hash32';
import { CELL_OUTSIDE, type LocateGridData } from './locate-grid-data';
import { validateLocateGrid } from './locate-grid-validate';

/** Format version written by this code; a different version is refused (rebuild the grid). */
export const LOCATE_GRID_VERSION = 1;
const MAGIC = [0x59, 0x48, 0x4c, 0x47]; // "YHLG"
const HEADER_BYTES = 96;
const CHECKSUM_WORD = 4;

type Section =
  | 'cells'
  | 'rowBase'
  | 'entryStart'
  | 'candStart'
  | 'refMask'
  | 'candidates'
  | 'entries'
  | 'refSel';
const SECTIONS: [Section, 1 | 2 | 4][] = [
  ['cells', 2],
  ['rowBase', 4],
  ['entryStart', 4],
  ['candStart', 4],
  ['refMask', 4],
  ['candidates', 4],
  ['entries', 4],
  ['refSel', 1],
];

interface Counts {
  nx: number;
  ny: number;
  boundary: number;
  candidates: number;
  entries: number;
}

function lengths(n: Counts): Record<Section, number> {
  return {
    cells: n.nx * n.ny,
    rowBase: n.ny,
    entryStart: n.boundary + 1,
    candStart: n.boundary + 1,
    refMask: n.boundary,
    candidates: n.candidates,
    entries: n.entries,
    refSel: n.boundary,
  };
}

/** Byte offset of each section and the total size, every section starting on an 8-byte boundary. */
function layout(n: Counts): { offsets: Record<Section, number>; total: number } {
  const len = lengths(n);
  const offsets = {} as Record<Section, number>;
  let at = HEADER_BYTES;
  for (const [name, size] of SECTIONS) {
    offsets[name] = at;
    at += Math.ceil((len[name] * size) / 8) * 8;
  }
  return { offsets, total: at };
}

function checkLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new DomainError(
      'GRID_UNSUPPORTED',
      'locate grids are little-endian: run on a little-endian CPU',
      500,
    );
  }
}

function checksum(bytes: Uint8Array): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return new Hash32(LOCATE_GRID_VERSION)
    .words(words, 0, CHECKSUM_WORD)
    .words(words, CHECKSUM_WORD + 1)
    .digest();
}

/** Serializes grid arrays; the same data always gives the same bytes. */
export function encodeLocateGrid(d: LocateGridData): Uint8Array {
  checkLittleEndian();
  const counts = {
    nx: d.nx,
    ny: d.ny,
    boundary: d.refSel.length,
    candidates: d.candidates.length,
    entries: d.entries.length,
  };
  const { offsets, total } = layout(counts);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  const ints = [LOCATE_GRID_VERSION, HEADER_BYTES, total, 0];
  ints.push(parseInt(d.fingerprint.slice(0, 8), 16), parseInt(d.fingerprint.slice(8, 16), 16));
  ints.push(d.blockCount, d.vertexCount, d.nx, d.ny, counts.boundary, counts.candidates, counts.entries);
  ints.forEach((v, k) => {
    view.setUint32(4 + 4 * k, v, true);
  });
  [d.x0, d.y0, d.cellW, d.cellH].forEach((v, k) => {
    view.setFloat64(64 + 8 * k, v, true);
  });
  for (const [name] of SECTIONS) {
    const a = d[name];
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offsets[name]);
  }
  view.setUint32(4 * CHECKSUM_WORD, checksum(bytes), true);
  return bytes;
}

function corrupt(message: string): DomainError {
  return new DomainError('GRID_CORRUPT', `locate grid rejected: ${message}; rebuild it from the blocks`, 500);
}

/** Reads and checks a serialized grid for `index` (views over the bytes; copies only if misaligned). */
export function decodeLocateGrid(input: Uint8Array, index: BlockIndex): LocateGridData {
  checkLittleEndian();
  if (input.byteLength < HEADER_BYTES) {
    throw corrupt(`${input.byteLength} bytes is shorter than the ${HEADER_BYTES}-byte header`);
  }
  // new Uint8Array(typedArray) copies (Buffer#slice would not): typed views need aligned offsets.
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (MAGIC.some((b, k) => bytes[k] !== b)) throw corrupt('not a locate grid (bad magic number)');
  const u32 = (k: number) => view.getUint32(4 + 4 * k, true);
  if (u32(0) !== LOCATE_GRID_VERSION) {
    throw corrupt(`format version ${u32(0)} is not supported (this code reads ${LOCATE_GRID_VERSION})`);
  }
  if (u32(1) !== HEADER_BYTES || u32(2) !== bytes.byteLength) {
    throw corrupt(`length is ${bytes.byteLength} bytes but the header says ${u32(2)} (truncated or padded)`);
  }
  const counts = { nx: u32(8), ny: u32(9), boundary: u32(10), candidates: u32(11), entries: u32(12) };
  const { offsets, total } = layout(counts);
  if (total !== bytes.byteLength) throw corrupt('section sizes do not add up to the length');
  if (view.getUint32(4 * CHECKSUM_WORD, true) !== checksum(bytes)) throw corrupt('checksum mismatch');
  const fingerprint = hex32(u32(4)) + hex32(u32(5));
  if (
    fingerprint !== index.fingerprint ||
    u32(6) !== index.size ||
    u32(7) * 2 !== index.blocks.coords.length
  ) {
    throw new DomainError(
      'GRID_MISMATCH',
      `locate grid was built for other blocks (fingerprint ${fingerprint}, these blocks ${index.fingerprint}): ` +
        'build the grid for this generation',
      500,
      { gridFingerprint: fingerprint, blocksFingerprint: index.fingerprint },
    );
  }
  const len = lengths(counts);
  const at = (name: Section) => bytes.byteOffset + offsets[name];
  const data: LocateGridData = {
    fingerprint,
    blockCount: u32(6),
    vertexCount: u32(7),
    nx: counts.nx,
    ny: counts.ny,
    x0: view.getFloat64(64, true),
    y0: view.getFloat64(72, true),
    cellW: view.getFloat64(80, true),
    cellH: view.getFloat64(88, true),
    cells: new Uint16Array(bytes.buffer, at('cells'), len.cells),
    rowBase: new Uint32Array(bytes.buffer, at('rowBase'), len.rowBase),
    entryStart: new Uint32Array(bytes.buffer, at('entryStart'), len.entryStart),
    candStart: new Uint32Array(bytes.buffer, at('candStart'), len.candStart),
    refMask: new Uint32Array(bytes.buffer, at('refMask'), len.refMask),
    candidates: new Uint32Array(bytes.buffer, at('candidates'), len.candidates),
    entries: new Uint32Array(bytes.buffer, at('entries'), len.entries),
    refSel: new Uint8Array(bytes.buffer, at('refSel'), len.refSel),
  };
  const problem = validateLocateGrid(data, CELL_OUTSIDE);
  if (problem) throw corrupt(problem);
  return data;
}
