// The photo store the upload flow needs; functions/store/photo-store.ts implements it (files, S3, memory).
import type { PhotoType } from './photo.js';

export interface StoredPhoto {
  bytes: Uint8Array;
  contentType: PhotoType;
}

/** A browser upload straight to the store (S3 presigned POST): form fields to send before the file. */
export interface DirectUpload {
  url: string;
  fields: Record<string, string>;
}

export interface PhotoStore {
  readonly kind: 'fs' | 's3' | 'memory';
  put(key: string, bytes: Uint8Array, contentType: PhotoType): Promise<void>;
  /** null when missing; throws PHOTO_TOO_LARGE rather than reading more than `maxBytes`. */
  get(key: string, maxBytes: number): Promise<StoredPhoto | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Cloud stores only: a signed form that lets a browser upload `key` itself, within the limits. */
  directUpload?(
    key: string,
    contentType: PhotoType,
    maxBytes: number,
    expiresSeconds: number,
  ): Promise<DirectUpload>;
  /** Cloud stores only: a short-lived URL that serves `key`. */
  signedGet?(key: string, expiresSeconds: number): Promise<string>;
}
