// Photo stores: files under the data directory locally, the private uploads bucket in the cloud,
// memory in tests. Keys are checked here so no caller can escape the photo prefixes.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PhotoTooLargeError, type PhotoType, typeOfKey } from '../../core/media/photo.js';
import type { PhotoStore } from '../../core/media/ports.js';

export type { PhotoStore } from '../../core/media/ports.js';

const KEY = /^(tmp\/)?uploads\/[A-Za-z0-9/_-]{8,120}\.(jpg|png|webp)$/;

/** Committed photos never change (new upload, new key), so clients may keep them. */
export const PHOTO_CACHE_CONTROL = 'private, max-age=86400, immutable';

function checkKey(key: string): { key: string; type: PhotoType } {
  const type = typeOfKey(key);
  if (!KEY.test(key) || !type) throw new Error(`bad photo key ${JSON.stringify(key)}`);
  return { key, type };
}

const missing = (err: unknown) =>
  ['NoSuchKey', 'NotFound'].includes((err as Error).name) ||
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** Files under `dir` (`<DATA_DIR>/uploads/...`, `<DATA_DIR>/tmp/uploads/...`); writes are atomic renames. */
export function createFsPhotoStore(dir: string): PhotoStore {
  const root = resolve(dir);
  const path = (key: string) => join(root, checkKey(key).key);
  return {
    kind: 'fs',
    async put(key, bytes) {
      const file = path(key);
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.part`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
    },
    async get(key, maxBytes) {
      const file = path(key);
      try {
        const { size } = await stat(file);
        if (size > maxBytes) throw new PhotoTooLargeError(maxBytes, size);
        return { bytes: new Uint8Array(await readFile(file)), contentType: checkKey(key).type };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async exists(key) {
      return stat(path(key)).then(
        () => true,
        () => false,
      );
    },
    async delete(key) {
      await rm(path(key), { force: true });
    },
  };
}

/** Objects in the private uploads bucket; browsers upload with a presigned POST and read with a presigned GET. */
export function createS3PhotoStore(s3: S3Client, bucket: string): PhotoStore {
  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: checkKey(key).key,
          Body: bytes,
          ContentType: contentType,
          CacheControl: PHOTO_CACHE_CONTROL,
        }),
      );
    },
    async get(key, maxBytes) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: checkKey(key).key }));
        if ((out.ContentLength ?? 0) > maxBytes) {
          await out.Body?.transformToWebStream().cancel();
          throw new PhotoTooLargeError(maxBytes, out.ContentLength);
        }
        if (!out.Body) return null;
        const bytes = await out.Body.transformToByteArray();
        if (bytes.length > maxBytes) throw new PhotoTooLargeError(maxBytes, bytes.length);
        return { bytes, contentType: checkKey(key).type };
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
    },
    async exists(key) {
      try {
        await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: checkKey(key).key }));
        return true;
      } catch (err) {
        if (missing(err)) return false;
        throw err;
      }
    },
    async delete(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: checkKey(key).key }));
    },
    async directUpload(key, contentType, maxBytes, expiresSeconds) {
      return createPresignedPost(s3, {
        Bucket: bucket,
        Key: checkKey(key).key,
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: expiresSeconds,
      });
    },
    async signedGet(key, expiresSeconds) {
      return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: checkKey(key).key }), {
        expiresIn: expiresSeconds,
      });
    },
  };
}

/** In memory, for tests. */
export function createMemoryPhotoStore(): PhotoStore & { keys(): string[] } {
  const files = new Map<string, Uint8Array>();
  return {
    kind: 'memory',
    put: async (key, bytes) => void files.set(checkKey(key).key, bytes.slice()),
    async get(key, maxBytes) {
      const bytes = files.get(checkKey(key).key);
      if (!bytes) return null;
      if (bytes.length > maxBytes) throw new PhotoTooLargeError(maxBytes, bytes.length);
      return { bytes: bytes.slice(), contentType: checkKey(key).type };
    },
    exists: async (key) => files.has(checkKey(key).key),
    delete: async (key) => void files.delete(checkKey(key).key),
    keys: () => [...files.keys()],
  };
}
