// The photo upload flow: hand out an upload target (S3 presigned POST, or our own signed local URL),
// receive local uploads, commit (strip metadata, move out of tmp/), and open stored photos.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { DomainError, NotFoundError, ValidationError } from '../../core/errors.js';
import {
  isPhotoType,
  MAX_PHOTO_BYTES,
  PHOTO_KEY,
  PhotoTooLargeError,
  type PhotoType,
  photoKey,
  tmpKeyOf,
  typeOfKey,
  UnsupportedMediaTypeError,
} from '../../core/media/photo.js';
import type { PhotoStore, StoredPhoto } from '../../core/media/ports.js';
import { stripMetadata } from '../../core/media/strip-metadata.js';
import type { Config } from '../config.js';
import type { AppServices } from '../http/context.js';
import { createFsPhotoStore, createS3PhotoStore } from '../store/photo-store.js';

/** How long an upload target (presigned POST or local URL) stays valid. */
export const UPLOAD_TTL_S = 300;
/** How long a presigned GET of a photo stays valid (cloud). */
export const PHOTO_URL_TTL_S = 300;
/** Room for multipart boundaries and form fields around the file in a local multipart upload. */
export const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

export interface UploadTarget {
  key: string;
  method: 'POST';
  url: string;
  fields: Record<string, string>;
  max_bytes: number;
  expires_at: string;
}

export interface CommittedPhoto {
  key: string;
  content_type: PhotoType;
  bytes: number;
  url: string;
}

/** What a local upload token allows: one key, one type, at most `maxBytes`, until `expires` (epoch s). */
export interface UploadGrant {
  key: string;
  type: PhotoType;
  maxBytes: number;
  expires: number;
}

/** Where a committed photo is served by this API. */
export const photoUrl = (key: string) => `/api/photos/${key.slice('uploads/'.length)}`;

const tokenRefused = (why: string, code = 'INVALID_UPLOAD_TOKEN') =>
  new DomainError(code, `${why}; ask POST /api/uploads for a new upload target`, 403);

export class UploadService {
  private readonly tokenKey: Buffer;

  constructor(
    readonly store: PhotoStore,
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    // A key of its own, so an upload token can never pass as a session token signed with the same secret.
    this.tokenKey = createHmac('sha256', secret).update('yuhu-upload-token/v1').digest();
  }

  /** Checks type and declared size, picks a fresh key, and returns where and how to upload it. */
  async createTarget(req: { content_type: string; size: number }): Promise<UploadTarget> {
    if (!isPhotoType(req.content_type)) throw new UnsupportedMediaTypeError(req.content_type);
    if (req.size > MAX_PHOTO_BYTES) throw new PhotoTooLargeError(MAX_PHOTO_BYTES, req.size);
    const now = this.now();
    const key = photoKey(now, randomBytes(16).toString('base64url'), req.content_type);
    const expires = Math.floor(now.getTime() / 1000) + UPLOAD_TTL_S;
    // The declared size is the ceiling: S3's policy and the local endpoint refuse a larger body.
    const maxBytes = req.size;
    const base = {
      key,
      method: 'POST' as const,
      max_bytes: maxBytes,
      expires_at: new Date(expires * 1000).toISOString(),
    };
    if (this.store.directUpload) {
      const direct = await this.store.directUpload(tmpKeyOf(key), req.content_type, maxBytes, UPLOAD_TTL_S);
      return { ...base, url: direct.url, fields: direct.fields };
    }
    const token = this.signGrant({ key, type: req.content_type, maxBytes, expires });
    return { ...base, url: `/api/uploads/local/${token}`, fields: { 'Content-Type': req.content_type } };
  }

  /** Signs a grant as `<payload>.<hmac>` (base64url). */
  signGrant(grant: UploadGrant): string {
    const payload = Buffer.from(
      JSON.stringify({ k: grant.key, t: grant.type, m: grant.maxBytes, e: grant.expires }),
    ).toString('base64url');
    return `${payload}.${createHmac('sha256', this.tokenKey).update(payload).digest('base64url')}`;
  }

  /** Verifies a local upload token; 403 when forged, altered or expired. */
  verifyGrant(token: string): UploadGrant {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) throw tokenRefused('the upload URL is malformed');
    const expected = createHmac('sha256', this.tokenKey).update(payload).digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw tokenRefused('the upload URL was not issued by this server or was altered');
    let raw: { k?: unknown; t?: unknown; m?: unknown; e?: unknown };
    try {
      raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw tokenRefused('the upload URL is malformed');
    }
    const { k, t, m, e } = raw;
    if (typeof k !== 'string' || !PHOTO_KEY.test(k) || typeof t !== 'string' || !isPhotoType(t))
      throw tokenRefused('the upload URL is malformed');
    if (typeof m !== 'number' || typeof e !== 'number') throw tokenRefused('the upload URL is malformed');
    if (e * 1000 < this.now().getTime()) throw tokenRefused('the upload URL has expired', 'UPLOAD_EXPIRED');
    return { key: k, type: t, maxBytes: m, expires: e };
  }

  /** A local upload: limits, magic bytes and metadata are checked now, so no GPS data touches the disk. */
  async receive(grant: UploadGrant, bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0)
      throw new ValidationError(
        'the upload is empty: send the photo as the body or as form field `file`',
        {},
        'EMPTY_UPLOAD',
      );
    if (bytes.length > grant.maxBytes) throw new PhotoTooLargeError(grant.maxBytes, bytes.length);
    await this.store.put(tmpKeyOf(grant.key), stripMetadata(bytes, grant.type), grant.type);
  }

  /**
   * Makes an upload usable: reads it from tmp/, strips metadata, writes it under uploads/ and deletes the
   * tmp object. Repeating a commit that succeeded returns the same answer.
   */
  async commit(key: string): Promise<CommittedPhoto> {
    const type = typeOfKey(key);
    if (!PHOTO_KEY.test(key) || !type)
      throw new ValidationError(
        'key must be the `key` returned by POST /api/uploads',
        { key },
        'INVALID_PHOTO_KEY',
      );
    const raw = await this.store.get(tmpKeyOf(key), MAX_PHOTO_BYTES);
    if (!raw) {
      const done = await this.store.get(key, MAX_PHOTO_BYTES);
      if (done) return { key, content_type: type, bytes: done.bytes.length, url: photoUrl(key) };
      throw new DomainError(
        'UPLOAD_NOT_FOUND',
        `nothing was uploaded for ${key}: upload the file to the target from POST /api/uploads first (targets last ${UPLOAD_TTL_S / 60} minutes)`,
        404,
        { key },
      );
    }
    let clean: Uint8Array;
    try {
      clean = stripMetadata(raw.bytes, type);
    } catch (err) {
      await this.store.delete(tmpKeyOf(key));
      throw err;
    }
    await this.store.put(key, clean, type);
    await this.store.delete(tmpKeyOf(key));
    return { key, content_type: type, bytes: clean.length, url: photoUrl(key) };
  }

  /** A committed photo: its bytes (local) or a short-lived signed URL to redirect to (cloud). */
  async open(key: string): Promise<{ redirect: string } | { photo: StoredPhoto }> {
    if (!PHOTO_KEY.test(key)) throw new NotFoundError('photo', key);
    if (this.store.signedGet) {
      if (!(await this.store.exists(key))) throw new NotFoundError('photo', key);
      return { redirect: await this.store.signedGet(key, PHOTO_URL_TTL_S) };
    }
    const photo = await this.store.get(key, MAX_PHOTO_BYTES);
    if (!photo) throw new NotFoundError('photo', key);
    return { photo };
  }
}

/** Photos in the uploads bucket when one is configured, otherwise under `<DATA_DIR>/uploads/`. */
export function createUploadService(config: Config, s3?: S3Client): UploadService {
  const store = config.UPLOADS_BUCKET
    ? createS3PhotoStore(s3 ?? new S3Client({ region: config.AWS_REGION }), config.UPLOADS_BUCKET)
    : createFsPhotoStore(config.DATA_DIR);
  return new UploadService(store, config.authSecret);
}

const built = new WeakMap<AppServices, UploadService>();

/** The app's upload service: `services.uploads` once wired in runtime.ts, else built once from config. */
export function uploadsOf(services: AppServices): UploadService {
  const wired = (services as AppServices & { uploads?: UploadService }).uploads;
  if (wired) return wired;
  let service = built.get(services);
  if (!service) {
    service = createUploadService(services.config);
    built.set(services, service);
  }
  return service;
}
