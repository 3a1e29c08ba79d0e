// Photos lose their location before they are stored (PIPL): GPS and other metadata are gone, the
// image data is byte-identical and still decodes.
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { indexOfBytes } from '../../core/media/bytes.js';
import { exifOrientation } from '../../core/media/jpeg.js';
import { pngChunks } from '../../core/media/png.js';
import { stripMetadata } from '../../core/media/strip-metadata.js';
import { webpChunks } from '../../core/media/webp.js';
import {
  crc32,
  GPS_LATITUDE,
  GPS_LONGITUDE,
  jpegMarkers,
  jpegWithGps,
  plainJpeg,
  pngWithExif,
  webpWithExif,
} from './images.js';

const text = (s: string) => new TextEncoder().encode(s);
const contains = (hay: Uint8Array, needle: Uint8Array) => indexOfBytes(hay, needle) >= 0;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'no error';
};

describe('stripMetadata: JPEG', () => {
  const input = jpegWithGps(6);
  const out = stripMetadata(input, 'image/jpeg');

  it('removes the GPS coordinates, XMP, IPTC, the comment and trailing bytes', () => {
    expect(contains(input, GPS_LATITUDE)).toBe(true);
    expect(contains(out, GPS_LATITUDE)).toBe(false);
    expect(contains(out, GPS_LONGITUDE)).toBe(false);
    for (const s of ['xmpmeta', 'Photoshop', 'Zhang San', 'Building 3', 'TRAILER']) {
      expect(contains(out, text(s)), s).toBe(false);
    }
  });

  it('keeps every image segment byte for byte, and only the orientation of the Exif data', () => {
    expect(jpegMarkers(out)).toEqual([0xe0, 0xe1, 0xdb, 0xc0, 0xc4, 0xda, 0xd9]);
    const plain = plainJpeg().bytes;
    // Everything from DQT to EOI of the original encoder output is in the result unchanged.
    const dqt = indexOfBytes(plain, Uint8Array.of(0xff, 0xdb));
    expect(contains(out, plain.subarray(dqt))).toBe(true);
    expect(out.length).toBe(plain.length + 36);
    const app1 = indexOfBytes(out, Uint8Array.of(0xff, 0xe1));
    expect(exifOrientation(out.subarray(app1 + 4, app1 + 36))).toBe(6);
  });

  it('still decodes to the same pixels', () => {
    const before = jpeg.decode(plainJpeg().bytes, { useTArray: true });
    const after = jpeg.decode(out, { useTArray: true });
    expect([after.width, after.height]).toEqual([8, 8]);
    expect(Buffer.from(after.data).equals(Buffer.from(before.data))).toBe(true);
  });

  it('writes no Exif at all for upright photos, and is idempotent', () => {
    const upright = stripMetadata(jpegWithGps(1));
    expect(jpegMarkers(upright)).toEqual([0xe0, 0xdb, 0xc0, 0xc4, 0xda, 0xd9]);
    expect(stripMetadata(out)).toEqual(out);
  });

  it('refuses truncated and malformed files with INVALID_IMAGE', () => {
    expect(codeOf(() => stripMetadata(input.subarray(0, 400)))).toBe('INVALID_IMAGE');
    expect(codeOf(() => stripMetadata(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x40, 1, 2)))).toBe(
      'INVALID_IMAGE',
    );
    expect(codeOf(() => stripMetadata(Uint8Array.of(0xff, 0xd8, 0xff, 0xd9)))).toBe('INVALID_IMAGE');
    expect(codeOf(() => stripMetadata(text('GIF89a........')))).toBe('INVALID_IMAGE');
  });

  it('refuses a file that is not the declared type', () => {
    expect(codeOf(() => stripMetadata(input, 'image/png'))).toBe('IMAGE_TYPE_MISMATCH');
  });
});

describe('stripMetadata: PNG', () => {
  const input = pngWithExif();
  const out = stripMetadata(input, 'image/png');

  it('drops eXIf and tEXt (and bytes after IEND), keeps the other chunks with valid CRCs', () => {
    expect(pngChunks(input).map((c) => c.type)).toEqual(['IHDR', 'eXIf', 'tEXt', 'IDAT', 'IEND']);
    expect(pngChunks(out).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(contains(out, GPS_LATITUDE)).toBe(false);
    expect(contains(out, text('Zhang San'))).toBe(false);
    expect(contains(out, text('TRAILER'))).toBe(false);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    for (const c of pngChunks(out)) {
      expect(view.getUint32(c.end - 4), c.type).toBe(crc32(out.subarray(c.start + 4, c.end - 4)));
      expect(contains(input, out.subarray(c.start, c.end))).toBe(true);
    }
  });

  it('refuses a PNG without IEND or whose first chunk is not IHDR', () => {
    expect(codeOf(() => stripMetadata(input.subarray(0, input.length - 20)))).toBe('INVALID_IMAGE');
    const swapped = input.slice();
    swapped.set(text('IHDX'), 12);
    expect(codeOf(() => stripMetadata(swapped))).toBe('INVALID_IMAGE');
  });
});

describe('stripMetadata: WebP', () => {
  const input = webpWithExif();
  const out = stripMetadata(input, 'image/webp');

  it('drops EXIF and XMP, clears their VP8X flags, keeps alpha and rewrites the RIFF size', () => {
    expect(webpChunks(out).map((c) => c.type)).toEqual(['VP8X', 'VP8L']);
    expect(contains(out, GPS_LATITUDE)).toBe(false);
    expect(out[20]).toBe(0x10);
    expect(new DataView(out.buffer, out.byteOffset).getUint32(4, true)).toBe(out.length - 8);
    const vp8l = webpChunks(input).find((c) => c.type === 'VP8L')!;
    expect(contains(out, input.subarray(vp8l.start, vp8l.end))).toBe(true);
  });

  it('refuses a WebP whose RIFF size runs past the end', () => {
    expect(codeOf(() => stripMetadata(input.subarray(0, 40)))).toBe('INVALID_IMAGE');
  });
});
