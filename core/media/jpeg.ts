// JPEG metadata removal: walks the marker segments and drops APP1 (Exif, XMP), APP13 (IPTC) and COM,
// copying every other segment and the entropy-coded scans byte for byte.
import { concat } from './bytes.js';
import { InvalidImageError } from './photo.js';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
/** Segments that carry camera, location, author or free-text data. */
const DROPPED = new Set([APP1, 0xed, 0xfe]);
const ORIENTATION_TAG = 0x0112;

const bad = (why: string) =>
  new InvalidImageError(`not a valid JPEG: ${why}; send the photo as the camera saved it`);
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/** Reads the Exif Orientation (1–8) from an APP1 payload, or undefined when absent or unreadable. */
export function exifOrientation(payload: Uint8Array): number | undefined {
  const exif = [0x45, 0x78, 0x69, 0x66, 0, 0];
  if (payload.length < 14 || !exif.every((b, i) => payload[i] === b)) return undefined;
  const tiff = payload.subarray(6);
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return undefined;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (view.getUint16(entry, little) !== ORIENTATION_TAG || view.getUint16(entry + 2, little) !== 3)
      continue;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}

/** A minimal Exif APP1 segment carrying only the Orientation tag (big-endian TIFF, one IFD entry). */
export function orientationSegment(orientation: number): Uint8Array {
  // biome-ignore format: one row per structure of the segment
  return Uint8Array.of(
    0xff, APP1, 0x00, 0x22,
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00,             // "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // "MM", 42, IFD0 at offset 8
    0x00, 0x01,                                     // one entry: Orientation, SHORT, count 1
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,                         // no next IFD
  );
}

/** End of the entropy-coded data that starts at `from`: the next marker other than stuffing or RSTn. */
function scanEnd(src: Uint8Array, from: number): number {
  let p = from;
  while (p < src.length - 1) {
    if (src[p] !== 0xff) {
      p++;
      continue;
    }
    const next = src[p + 1];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
      p += next === 0xff ? 1 : 2;
      continue;
    }
    return p;
  }
  throw bad('the image data ends without an end-of-image marker (FFD9): the file is truncated');
}

/**
 * Returns the JPEG without metadata segments. The Exif Orientation survives as a 36-byte APP1 of its
 * own (so portrait photos still display upright); bytes after the end-of-image marker are dropped.
 */
export function stripJpeg(src: Uint8Array): Uint8Array {
  if (src.length < 4 || src[0] !== 0xff || src[1] !== SOI) throw bad('it does not start with FFD8');
  const kept: { marker: number; bytes: Uint8Array }[] = [];
  let orientation: number | undefined;
  let sawScan = false;
  let pos = 2;
  for (;;) {
    if (pos >= src.length) throw bad('it ends before its end-of-image marker (FFD9): the file is truncated');
    if (src[pos] !== 0xff) throw bad(`expected a marker at byte ${pos}`);
    let m = pos + 1;
    while (m < src.length && src[m] === 0xff) m++; // fill bytes
    if (m >= src.length) throw bad('it ends inside a marker: the file is truncated');
    const marker = src[m];
    if (marker === EOI) {
      kept.push({ marker, bytes: src.subarray(pos, m + 1) });
      break;
    }
    if (standalone(marker)) {
      kept.push({ marker, bytes: src.subarray(pos, m + 1) });
      pos = m + 1;
      continue;
    }
    if (marker === SOI || marker === 0x00)
      throw bad(`unexpected marker FF${marker.toString(16)} at byte ${m - 1}`);
    if (m + 3 > src.length) throw bad('it ends inside a segment header: the file is truncated');
    const length = (src[m + 1] << 8) | src[m + 2];
    const end = m + 1 + length;
    if (length < 2 || end > src.length)
      throw bad(`segment FF${marker.toString(16)} at byte ${m - 1} overruns the file`);
    if (marker === APP1) orientation ??= exifOrientation(src.subarray(m + 3, end));
    if (!DROPPED.has(marker)) kept.push({ marker, bytes: src.subarray(pos, end) });
    pos = end;
    if (marker === SOS) {
      sawScan = true;
      const stop = scanEnd(src, end);
      kept.push({ marker: -1, bytes: src.subarray(end, stop) });
      pos = stop;
    }
  }
  if (!sawScan) throw bad('it has no image data (no start-of-scan segment)');
  const parts: Uint8Array[] = [src.subarray(0, 2)];
  const insertAt = kept[0]?.marker === APP0 ? 1 : 0;
  kept.forEach((segment, i) => {
    if (i === insertAt && orientation !== undefined && orientation !== 1)
      parts.push(orientationSegment(orientation));
    parts.push(segment.bytes);
  });
  return concat(parts);
}
