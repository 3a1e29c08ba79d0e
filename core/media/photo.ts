// Photo upload rules shared by the API and the web app: accepted types, the size limit, key shapes, errors.
import { DomainError } from '../errors.js';

/** Largest photo accepted (bytes), before and after metadata stripping. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Accepted media types and the file extension their keys carry. */
export const PHOTO_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type PhotoType = keyof typeof PHOTO_TYPES;
export const PHOTO_TYPE_LIST = Object.keys(PHOTO_TYPES) as PhotoType[];

/** A committed photo's key (the same pattern incidents accept in `photos`). */
export const PHOTO_KEY = /^uploads\/[A-Za-z0-9/_-]{8,120}\.(jpg|png|webp)$/;

/** Unconfirmed uploads live under this prefix until committed (the bucket expires it after a day). */
export const TMP_PREFIX = 'tmp/';

export const isPhotoType = (value: string): value is PhotoType => Object.hasOwn(PHOTO_TYPES, value);

/** The media type a key's extension names, or null for anything that is not a photo key. */
export function typeOfKey(key: string): PhotoType | null {
  const ext = /\.(jpg|png|webp)$/.exec(key)?.[1];
  return (PHOTO_TYPE_LIST.find((t) => PHOTO_TYPES[t] === ext) ?? null) as PhotoType | null;
}

/** `uploads/<yyyy>/<mm>/<random>.<ext>`, month in China Standard Time like the rest of the product. */
export function photoKey(now: Date, random: string, type: PhotoType): string {
  const cst = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return `uploads/${cst.slice(0, 4)}/${cst.slice(5, 7)}/${random}.${PHOTO_TYPES[type]}`;
}

/** Where the raw upload of `key` waits for its commit. */
export const tmpKeyOf = (key: string) => `${TMP_PREFIX}${key}`;

/** What the first bytes say the file is (magic numbers), or null. */
export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  const at = (i: number, ...want: number[]) => want.every((b, k) => bytes[i + k] === b);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

const MB = (n: number) => `${Math.round((n / 1_048_576) * 10) / 10} MB`;

export class PhotoTooLargeError extends DomainError {
  constructor(limit: number, size?: number) {
    super(
      'PHOTO_TOO_LARGE',
      `${size === undefined ? 'the photo is' : `the photo is ${size} bytes,`} over the ${limit} byte (${MB(limit)}) limit; resize or compress it and ask for a new upload target`,
      413,
      { limit_bytes: limit, ...(size === undefined ? {} : { size_bytes: size }) },
    );
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(got: string | undefined) {
    super(
      'UNSUPPORTED_MEDIA_TYPE',
      `${got ? `"${got}" is` : 'this file type is'} not accepted; photos must be ${PHOTO_TYPE_LIST.join(', ')}`,
      415,
      { accepted: PHOTO_TYPE_LIST, ...(got ? { content_type: got } : {}) },
    );
  }
}

/** The bytes are not a well-formed image of a supported type. */
export class InvalidImageError extends DomainError {
  constructor(message: string) {
    super('INVALID_IMAGE', message, 422);
  }
}

/** The bytes are a valid image, but not of the type the upload was declared as. */
export class ImageTypeMismatchError extends DomainError {
  constructor(declared: PhotoType, actual: PhotoType | null) {
    super(
      'IMAGE_TYPE_MISMATCH',
      `the upload was declared ${declared} but the file is ${actual ?? 'not a JPEG, PNG or WebP image'}; ask for a target with the file's real type`,
      422,
      { declared, actual },
    );
  }
}
