// Tiny images built in code for the metadata tests: a real JPEG (jpeg-js) with an Exif APP1 carrying a
// GPS IFD, a real 1×1 PNG with eXIf and tEXt, and a WebP container with EXIF and XMP chunks.
import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { concat } from '../../core/media/bytes.js';

const ascii = (s: string) => new TextEncoder().encode(s);
const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff];

/** The GPS latitude 27°51'19.56" as three little-endian RATIONALs — the bytes that must disappear. */
export const GPS_LATITUDE = Uint8Array.of(
  ...u32le(27),
  ...u32le(1),
  ...u32le(51),
  ...u32le(1),
  ...u32le(1956),
  ...u32le(100),
);
/** Longitude 112°52'59.04" (E). */
export const GPS_LONGITUDE = Uint8Array.of(
  ...u32le(112),
  ...u32le(1),
  ...u32le(52),
  ...u32le(1),
  ...u32le(5904),
  ...u32le(100),
);

/** A little-endian TIFF block: IFD0 with Orientation and a GPS IFD pointer; GPS IFD with lat/lon. */
export function exifTiff(orientation = 6): Uint8Array {
  const ifd0 = 8;
  const gpsIfd = ifd0 + 2 + 2 * 12 + 4; // 38
  const gpsEntries = 4;
  const data = gpsIfd + 2 + gpsEntries * 12 + 4; // 92
  const entry = (tag: number, type: number, count: number, value: number[]) => [
    ...u16le(tag),
    ...u16le(type),
    ...u32le(count),
    ...value,
    ...new Array(4 - value.length).fill(0),
  ];
  return Uint8Array.of(
    0x49,
    0x49,
    0x2a,
    0x00,
    ...u32le(ifd0),
    ...u16le(2),
    ...entry(0x0112, 3, 1, u16le(orientation)),
    ...entry(0x8825, 4, 1, u32le(gpsIfd)),
    ...u32le(0),
    ...u16le(gpsEntries),
    ...entry(0x0001, 2, 2, [0x4e, 0]), // GPSLatitudeRef "N"
    ...entry(0x0002, 5, 3, u32le(data)), // GPSLatitude
    ...entry(0x0003, 2, 2, [0x45, 0]), // GPSLongitudeRef "E"
    ...entry(0x0004, 5, 3, u32le(data + 24)), // GPSLongitude
    ...u32le(0),
    ...GPS_LATITUDE,
    ...GPS_LONGITUDE,
  );
}

const segment = (marker: number, payload: Uint8Array) =>
  Uint8Array.of(0xff, marker, ...u16be(payload.length + 2), ...payload);

/** An 8×8 gradient encoded by jpeg-js, and its pixels. */
export function plainJpeg(): { bytes: Uint8Array; width: number; height: number } {
  const width = 8;
  const height = 8;
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set([i * 4, 255 - i * 4, 128, 255], i * 4);
  const encoded = jpeg.encode({ data: pixels, width, height }, 90);
  return { bytes: new Uint8Array(encoded.data), width, height };
}

/** The plain JPEG with an Exif APP1 (GPS), an XMP APP1, an APP13, a COM segment and trailing bytes. */
export function jpegWithGps(orientation = 6): Uint8Array {
  const plain = plainJpeg().bytes;
  const exif = segment(0xe1, concat([ascii('Exif\0\0'), exifTiff(orientation)]));
  const xmp = segment(
    0xe1,
    ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>exif:GPSLatitude 27,51.326N</x:xmpmeta>'),
  );
  const iptc = segment(0xed, ascii('Photoshop 3.0\0 8BIM by-line: Zhang San'));
  const comment = segment(0xfe, ascii('taken at home, Building 3'));
  // jpeg-js writes SOI + APP0 (JFIF) first; metadata goes right after it, as cameras do.
  const app0End = 2 + ((plain[4] << 8) | plain[5]) + 2;
  return concat([
    plain.subarray(0, app0End),
    exif,
    xmp,
    iptc,
    plain.subarray(app0End, plain.length - 2),
    comment, // after the scan, before EOI: the parser must find segments there too
    plain.subarray(plain.length - 2),
    ascii('TRAILER-GPS'),
  ]);
}

/** Marker bytes of every segment in order (FFxx), for structure assertions. */
export function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = [];
  let pos = 2;
  while (pos < bytes.length) {
    const marker = bytes[pos + 1];
    markers.push(marker);
    if (marker === 0xd9) break;
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    pos += 2 + length;
    if (marker === 0xda) {
      while (
        !(bytes[pos] === 0xff && bytes[pos + 1] !== 0 && !(bytes[pos + 1] >= 0xd0 && bytes[pos + 1] <= 0xd7))
      )
        pos++;
    }
  }
  return markers;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat([ascii(type), data]);
  const crc = crc32(body);
  return Uint8Array.of(
    ...[
      (data.length >>> 24) & 0xff,
      (data.length >> 16) & 0xff,
      (data.length >> 8) & 0xff,
      data.length & 0xff,
    ],
    ...body,
    ...[(crc >>> 24) & 0xff, (crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff],
  );
}

/** A valid 1×1 grey PNG with eXIf (GPS) and tEXt before the image data, and bytes after IEND. */
export function pngWithExif(): Uint8Array {
  const ihdr = Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0);
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk('IHDR', ihdr),
    pngChunk('eXIf', exifTiff()),
    pngChunk('tEXt', ascii('Author\0Zhang San')),
    pngChunk('IDAT', new Uint8Array(deflateSync(Uint8Array.of(0, 0x80)))),
    pngChunk('IEND', new Uint8Array(0)),
    ascii('TRAILER'),
  ]);
}

function riffChunk(type: string, data: Uint8Array): Uint8Array {
  return concat([
    ascii(type),
    Uint8Array.of(...u32le(data.length)),
    data,
    data.length % 2 ? Uint8Array.of(0) : new Uint8Array(0),
  ]);
}

/** An extended WebP: VP8X (alpha, EXIF, XMP flags), an odd-sized VP8L payload, EXIF (GPS) and XMP chunks. */
export function webpWithExif(): Uint8Array {
  const vp8x = Uint8Array.of(0x10 | 0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  const body = concat([
    ascii('WEBP'),
    riffChunk('VP8X', vp8x),
    riffChunk('VP8L', Uint8Array.of(0x2f, 0, 0, 0, 0x10)),
    riffChunk('EXIF', exifTiff()),
    riffChunk('XMP ', ascii('<x:xmpmeta>GPS</x:xmpmeta>')),
  ]);
  return concat([ascii('RIFF'), Uint8Array.of(...u32le(body.length)), body]);
}
