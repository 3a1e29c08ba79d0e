// Removes location and other personal metadata from photos before they are stored (PIPL): pure bytes
// in, bytes out; the pixels are never decoded or re-encoded.
import { stripJpeg } from './jpeg.js';
import { detectPhotoType, ImageTypeMismatchError, InvalidImageError, type PhotoType } from './photo.js';
import { stripPng } from './png.js';
import { stripWebp } from './webp.js';

/**
 * Returns a copy of the image without Exif (GPS, camera, time), XMP, IPTC and text comments.
 * Throws INVALID_IMAGE for malformed files and IMAGE_TYPE_MISMATCH when `declared` is not what the bytes are.
 */
export function stripMetadata(bytes: Uint8Array, declared?: PhotoType): Uint8Array {
  const actual = detectPhotoType(bytes);
  if (declared && actual !== declared) throw new ImageTypeMismatchError(declared, actual);
  switch (actual) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
    default:
      throw new InvalidImageError('the file is not a JPEG, PNG or WebP image');
  }
}
