// WebP metadata removal: drops the EXIF and XMP chunks of the RIFF container, clears the matching VP8X
// flags and rewrites the RIFF size; every other chunk is copied unchanged.
import { concat } from './bytes.js';
import { InvalidImageError } from './photo.js';

/** VP8X flag bits (WebP container specification). */
export const VP8X_FLAGS = { icc: 0x20, alpha: 0x10, exif: 0x08, xmp: 0x04, animation: 0x02 } as const;
export const WEBP_DROPPED_CHUNKS = new Set(['EXIF', 'XMP ']);
const IMAGE_CHUNKS = new Set(['VP8 ', 'VP8L', 'ANMF']);

const bad = (why: string) =>
  new InvalidImageError(`not a valid WebP: ${why}; send the image as it was saved`);
const fourcc = (src: Uint8Array, at: number) => String.fromCharCode(...src.subarray(at, at + 4));

/** The chunks of a WebP (FourCC and byte range including the padding byte). */
export function webpChunks(src: Uint8Array): { type: string; start: number; end: number }[] {
  if (src.length < 20 || fourcc(src, 0) !== 'RIFF' || fourcc(src, 8) !== 'WEBP')
    throw bad('the RIFF/WEBP header is missing');
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > src.length) throw bad('the RIFF size is larger than the file: the file is truncated');
  const chunks: { type: string; start: number; end: number }[] = [];
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) throw bad(`chunk header at byte ${pos} overruns the RIFF container`);
    const type = fourcc(src, pos);
    const size = view.getUint32(pos + 4, true);
    const end = pos + 8 + size + (size % 2);
    if (end > riffEnd) throw bad(`chunk ${JSON.stringify(type)} at byte ${pos} overruns the RIFF container`);
    chunks.push({ type, start: pos, end });
    pos = end;
  }
  if (!['VP8 ', 'VP8L', 'VP8X'].includes(chunks[0]?.type ?? ''))
    throw bad('the first chunk must be VP8, VP8L or VP8X');
  if (!chunks.some((c) => IMAGE_CHUNKS.has(c.type))) throw bad('it has no image data');
  return chunks;
}

/** Returns the WebP without EXIF/XMP chunks, their VP8X flags cleared; bytes after the RIFF end are dropped. */
export function stripWebp(src: Uint8Array): Uint8Array {
  const kept = webpChunks(src)
    .filter((c) => !WEBP_DROPPED_CHUNKS.has(c.type))
    .map((c) => {
      const bytes = src.subarray(c.start, c.end);
      if (c.type !== 'VP8X' || bytes.length < 9) return bytes;
      const copy = bytes.slice();
      copy[8] &= ~(VP8X_FLAGS.exif | VP8X_FLAGS.xmp) & 0xff;
      return copy;
    });
  const body = concat(kept);
  const header = new Uint8Array(12);
  header.set(src.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, 4 + body.length, true);
  return concat([header, body]);
}
