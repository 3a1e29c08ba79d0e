// PNG metadata removal: drops the eXIf, tEXt, iTXt and zTXt chunks and copies every other chunk
// (with its CRC) unchanged, so the image data and colour information stay byte-identical.
import { concat } from './bytes.js';
import { InvalidImageError } from './photo.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Chunks that carry Exif (camera, GPS) or free text (author, comments, software). */
export const PNG_DROPPED_CHUNKS = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

const bad = (why: string) => new InvalidImageError(`not a valid PNG: ${why}; send the image as it was saved`);

/** The chunk types of a PNG in order (for tests and diagnostics). */
export function pngChunks(src: Uint8Array): { type: string; start: number; end: number }[] {
  if (!SIGNATURE.every((b, i) => src[i] === b)) throw bad('the 8-byte PNG signature is missing');
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const chunks: { type: string; start: number; end: number }[] = [];
  let pos = 8;
  for (;;) {
    if (pos + 12 > src.length) throw bad('it ends before the IEND chunk: the file is truncated');
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...src.subarray(pos + 4, pos + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw bad(`chunk at byte ${pos} has an invalid type`);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > src.length) throw bad(`chunk ${type} at byte ${pos} overruns the file`);
    if (chunks.length === 0 && type !== 'IHDR') throw bad('the first chunk must be IHDR');
    chunks.push({ type, start: pos, end });
    pos = end;
    if (type === 'IEND') return chunks;
  }
}

/** Returns the PNG without metadata chunks; bytes after IEND are dropped. */
export function stripPng(src: Uint8Array): Uint8Array {
  const chunks = pngChunks(src);
  if (!chunks.some((c) => c.type === 'IDAT')) throw bad('it has no image data (IDAT chunk)');
  return concat([
    src.subarray(0, 8),
    ...chunks.filter((c) => !PNG_DROPPED_CHUNKS.has(c.type)).map((c) => src.subarray(c.start, c.end)),
  ]);
}
