// Artifact stores for derived binaries (locate grids): a directory locally, an S3 prefix in the cloud.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ArtifactStore } from '../../core/blocks/ports.js';

function checkKey(key: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(key) || key.includes('..'))
    throw new Error(`bad artifact key ${key}`);
  return key;
}

/** Files under `dir`; writes go to a temp file first so a crash never leaves half a file. */
export function createFsArtifactStore(dir: string): ArtifactStore {
  const root = resolve(dir);
  return {
    async get(key) {
      try {
        return new Uint8Array(await readFile(join(root, checkKey(key))));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async put(key, bytes) {
      const path = join(root, checkKey(key));
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    },
  };
}

/** Objects under `prefix` in a private bucket (the uploads bucket's `artifacts/` prefix). */
export function createS3ArtifactStore(s3: S3Client, bucket: string, prefix = 'artifacts/'): ArtifactStore {
  return {
    async get(key) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: prefix + checkKey(key) }));
        return out.Body ? new Uint8Array(await out.Body.transformToByteArray()) : null;
      } catch (err) {
        if (err instanceof NoSuchKey || (err as Error).name === 'NoSuchKey') return null;
        throw err;
      }
    },
    async put(key, bytes) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: prefix + checkKey(key),
          Body: bytes,
          ContentType: 'application/octet-stream',
        }),
      );
    },
  };
}

/** In-memory store for tests and for runs without a data directory. */
export function createMemoryArtifactStore(): ArtifactStore & { keys(): string[] } {
  const files = new Map<string, Uint8Array>();
  return {
    get: async (key) => files.get(key) ?? null,
    put: async (key, bytes) => void files.set(key, bytes),
    keys: () => [...files.keys()],
  };
}
