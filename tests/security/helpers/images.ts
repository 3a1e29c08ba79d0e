// A minimal JPEG that carries an Exif GPS position (27°51'19.98"N), of any size, for the privacy and
// limit suites; built by hand so the suites depend on no image library.

/** The GPSLatitude value as it is written in the file: three big-endian rationals 27/1, 51/1, 1998/100. */
export const GPS_LATITUDE = Uint8Array.of(
  0,
  0,
  0,
  27,
  0,
  0,
  0,
  1,
  0,
  0,
  0,
  51,
  0,
  0,
  0,
  1,
  0,
  0,
  7,
  206,
  0,
  0,
  0,
  100,
);

const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/** SOI, an Exif APP1 with IFD0 → GPS IFD (LatitudeRef N, Latitude), one scan of `scanBytes`, EOI. */
export function jpegWithGps(scanBytes = 64): Uint8Array {
  // TIFF header (8) + IFD0 with one entry (2 + 12 + 4) = 26: the GPS IFD (2 + 2×12 + 4) then the rationals at 56.
  const tiff = [
    ...[0x4d, 0x4d, 0x00, 0x2a, ...be32(8)],
    ...[...be16(1), ...be16(0x8825), ...be16(4), ...be32(1), ...be32(26), ...be32(0)],
    ...[...be16(2), ...be16(0x0001), ...be16(2), ...be32(2), 0x4e, 0, 0, 0],
    ...[...be16(0x0002), ...be16(5), ...be32(3), ...be32(56), ...be32(0)],
    ...GPS_LATITUDE,
  ];
  const exif = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const head = [
    0xff,
    0xd8,
    0xff,
    0xe1,
    ...be16(exif.length + 2),
    ...exif,
    0xff,
    0xda,
    ...be16(8),
    1,
    1,
    0,
    0,
    0x3f,
    0,
  ];
  const out = new Uint8Array(head.length + scanBytes + 2);
  out.set(head);
  out.fill(0x11, head.length, head.length + scanBytes);
  out.set([0xff, 0xd9], head.length + scanBytes);
  return out;
}

/** Whether `needle` occurs in `haystack`. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
