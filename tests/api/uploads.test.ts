// Photo uploads end to end: target → upload → commit → read back without GPS; limits, types, tokens;
// and the cloud path (presigned POST, commit from tmp/, signed GET) against a fake S3 client.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncidentSchema } from '../../core/incidents/incident.js';
import { indexOfBytes } from '../../core/media/bytes.js';
import { MAX_PHOTO_BYTES } from '../../core/media/photo.js';
import { stripMetadata } from '../../core/media/strip-metadata.js';
import type { AppServices } from '../../functions/http/context.js';
import { UploadService, uploadsOf } from '../../functions/services/uploads.js';
import { createS3PhotoStore } from '../../functions/store/photo-store.js';
import { GPS_LATITUDE, jpegWithGps, pngWithExif } from '../core/images.js';
import { seededApp } from '../helpers/store.js';

type App = ReturnType<typeof seededApp>['app'];
const hasGps = (bytes: Uint8Array) => indexOfBytes(bytes, GPS_LATITUDE) >= 0;

const json = (app: App, path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });

async function target(app: App, content_type: string, size: number) {
  const res = await json(app, '/api/uploads', { content_type, size });
  return { res, body: await res.json() };
}

function multipart(bytes: Uint8Array, type: string) {
  const form = new FormData();
  form.append('Content-Type', type);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), 'photo');
  return form;
}

describe('uploads API (local store under DATA_DIR)', () => {
  let dir: string;
  let stack: ReturnType<typeof seededApp>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yuhu-uploads-'));
    stack = seededApp({ DATA_DIR: dir });
  });
  afterAll(async () => {
    stack.runtime.clients.raw.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a target, takes a JPEG with GPS, commits it and serves it back without the GPS bytes', async () => {
    const original = jpegWithGps();
    expect(hasGps(original)).toBe(true);
    const { res, body } = await target(stack.app, 'image/jpeg', original.length);
    expect(res.status).toBe(201);
    expect(body.key).toMatch(/^uploads\/\d{4}\/\d{2}\/[A-Za-z0-9_-]{22}\.jpg$/);
    expect(createIncidentSchema.shape.photos.safeParse([body.key]).success).toBe(true);
    expect(body).toMatchObject({
      method: 'POST',
      max_bytes: original.length,
      fields: { 'Content-Type': 'image/jpeg' },
    });
    expect(body.url).toMatch(/^\/api\/uploads\/local\/[\w-]+\.[\w-]+$/);
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(4 * 60_000);

    const upload = await stack.app.request(body.url, {
      method: 'POST',
      body: multipart(original, 'image/jpeg'),
    });
    expect(upload.status).toBe(204);
    // Nothing with GPS ever reaches the disk, not even the unconfirmed upload.
    const pending = new Uint8Array(await readFile(join(dir, 'tmp', body.key)));
    expect(hasGps(pending)).toBe(false);

    const commit = await json(stack.app, '/api/uploads/commit', { key: body.key });
    expect(commit.status).toBe(200);
    const committed = await commit.json();
    expect(committed).toMatchObject({ key: body.key, content_type: 'image/jpeg' });
    expect(await readdir(join(dir, 'tmp', body.key, '..'))).toEqual([]);

    const photo = await stack.app.request(committed.url);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('Content-Type')).toBe('image/jpeg');
    expect(photo.headers.get('Cache-Control')).toMatch(/^private/);
    const served = new Uint8Array(await photo.arrayBuffer());
    expect(hasGps(served)).toBe(false);
    expect(served).toEqual(stripMetadata(original));
    expect(served.length).toBe(committed.bytes);
    expect(jpeg.decode(served).width).toBe(8);

    const again = await json(stack.app, '/api/uploads/commit', { key: body.key });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(committed);
  });

  it('takes the raw image as the request body too (PNG with eXIf)', async () => {
    const png = pngWithExif();
    const { body } = await target(stack.app, 'image/png', png.length);
    const upload = await stack.app.request(body.url, {
      method: 'POST',
      body: png as Uint8Array<ArrayBuffer>,
      headers: { 'Content-Type': 'image/png' },
    });
    expect(upload.status).toBe(204);
    const committed = await (await json(stack.app, '/api/uploads/commit', { key: body.key })).json();
    const served = new Uint8Array(await (await stack.app.request(committed.url)).arrayBuffer());
    expect(hasGps(served)).toBe(false);
    expect(served.length).toBeLessThan(png.length);
  });

  it('refuses photos over 5 MB with 413 PHOTO_TOO_LARGE naming the limit', async () => {
    const { res, body } = await target(stack.app, 'image/jpeg', MAX_PHOTO_BYTES + 1);
    expect(res.status).toBe(413);
    expect(body.error.code).toBe('PHOTO_TOO_LARGE');
    expect(body.error.message).toContain(String(MAX_PHOTO_BYTES));
    expect(body.error.details.limit_bytes).toBe(MAX_PHOTO_BYTES);
  });

  it('refuses more bytes than the target allows: by Content-Length before reading, and by bytes read', async () => {
    const original = jpegWithGps();
    const { body } = await target(stack.app, 'image/jpeg', 300);
    let pulled = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(original);
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const declared = await stack.app.request(
      new Request(`http://localhost${body.url}`, {
        method: 'POST',
        body: stream,
        headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(original.length) },
        duplex: 'half',
      } as RequestInit),
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe('PHOTO_TOO_LARGE');
    expect(pulled).toBe(false);

    const counted = await stack.app.request(body.url, {
      method: 'POST',
      body: multipart(original, 'image/jpeg'),
    });
    expect(counted.status).toBe(413);
    expect((await counted.json()).error).toMatchObject({
      code: 'PHOTO_TOO_LARGE',
      details: { limit_bytes: 300 },
    });
  });

  it('refuses other media types with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const { res, body } = await target(stack.app, 'image/gif', 1000);
    expect(res.status).toBe(415);
    expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.error.message).toContain('image/jpeg, image/png, image/webp');

    const png = await target(stack.app, 'image/png', 5000);
    const wrongHeader = await stack.app.request(png.body.url, {
      method: 'POST',
      body: pngWithExif() as Uint8Array<ArrayBuffer>,
      headers: { 'Content-Type': 'image/jpeg' },
    });
    expect(wrongHeader.status).toBe(415);
  });

  it('refuses a file whose magic bytes are not the declared type (422) and garbage (422 INVALID_IMAGE)', async () => {
    const original = jpegWithGps();
    const { body } = await target(stack.app, 'image/png', original.length);
    const res = await stack.app.request(body.url, { method: 'POST', body: multipart(original, 'image/png') });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('IMAGE_TYPE_MISMATCH');

    const broken = await target(stack.app, 'image/jpeg', 400);
    const truncated = await stack.app.request(broken.body.url, {
      method: 'POST',
      body: multipart(original.subarray(0, 400), 'image/jpeg'),
    });
    expect(truncated.status).toBe(422);
    expect((await truncated.json()).error.code).toBe('INVALID_IMAGE');
  });

  it('refuses a token altered to name another key, and an expired one', async () => {
    const original = jpegWithGps();
    const { body } = await target(stack.app, 'image/jpeg', original.length);
    const [payload, mac] = body.url.slice('/api/uploads/local/'.length).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(
      JSON.stringify({ ...claims, k: 'uploads/2020/01/someone-elses-photo.jpg' }),
    ).toString('base64url');
    const res = await stack.app.request(`/api/uploads/local/${forged}.${mac}`, {
      method: 'POST',
      body: multipart(original, 'image/jpeg'),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('INVALID_UPLOAD_TOKEN');

    const expired = uploadsOf(stack.runtime.services).signGrant({
      key: body.key,
      type: 'image/jpeg',
      maxBytes: original.length,
      expires: Math.floor(Date.now() / 1000) - 1,
    });
    const late = await stack.app.request(`/api/uploads/local/${expired}`, {
      method: 'POST',
      body: multipart(original, 'image/jpeg'),
    });
    expect(late.status).toBe(403);
    expect((await late.json()).error.code).toBe('UPLOAD_EXPIRED');
  });

  it('answers 404 for commits of keys never uploaded and for unknown photos, 400 for non-keys', async () => {
    const missing = await json(stack.app, '/api/uploads/commit', {
      key: 'uploads/2025/06/never-uploaded-01.jpg',
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('UPLOAD_NOT_FOUND');
    const bad = await json(stack.app, '/api/uploads/commit', { key: '../../etc/passwd' });
    expect(bad.status).toBe(400);
    expect((await stack.app.request('/api/photos/2025/06/never-uploaded-01.jpg')).status).toBe(404);
    expect((await stack.app.request('/api/photos/2025/06/..%2F..%2Fsecret.jpg')).status).toBe(400);
  });
});

/** An S3Client that signs as usual but keeps objects in a map instead of calling AWS. */
function fakeS3() {
  const objects = new Map<string, { body: Uint8Array; type?: string; cacheControl?: string }>();
  const client = new S3Client({
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  });
  const notFound = () =>
    Object.assign(new Error('NoSuchKey'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
  client.send = (async (command: { input: Record<string, unknown> }) => {
    const key = String(command.input.Key);
    if (command instanceof PutObjectCommand) {
      objects.set(key, {
        body: command.input.Body as Uint8Array,
        type: command.input.ContentType,
        cacheControl: command.input.CacheControl,
      });
      return {};
    }
    if (command instanceof GetObjectCommand || command instanceof HeadObjectCommand) {
      const o = objects.get(key);
      if (!o) throw notFound();
      return {
        ContentLength: o.body.length,
        ContentType: o.type,
        Body: { transformToByteArray: async () => o.body, transformToWebStream: () => new ReadableStream() },
      };
    }
    if (command instanceof DeleteObjectCommand) {
      objects.delete(key);
      return {};
    }
    throw new Error(`fake S3 does not do ${command.constructor.name}`);
  }) as unknown as S3Client['send'];
  return { client, objects };
}

describe('uploads API (cloud: S3 presigned POST, fake client)', () => {
  const bucket = 'yuhu-uploads-test';
  const s3 = fakeS3();
  let stack: ReturnType<typeof seededApp>;
  beforeAll(() => {
    stack = seededApp({ UPLOADS_BUCKET: bucket });
    (stack.runtime.services as AppServices & { uploads: UploadService }).uploads = new UploadService(
      createS3PhotoStore(s3.client, bucket),
      stack.config.authSecret,
    );
  });
  afterAll(() => stack.runtime.clients.raw.destroy());

  it('signs a POST policy for tmp/<key> with the size range, the exact type and a 5-minute expiry', async () => {
    const { res, body } = await target(stack.app, 'image/jpeg', 123_456);
    expect(res.status).toBe(201);
    expect(body.url).toBe(`https://${bucket}.s3.ap-southeast-1.amazonaws.com/`);
    expect(body.fields).toMatchObject({ key: `tmp/${body.key}`, 'Content-Type': 'image/jpeg', bucket });
    expect(body.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    const policy = JSON.parse(Buffer.from(body.fields.Policy, 'base64').toString());
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 123_456],
        ['eq', '$Content-Type', 'image/jpeg'],
        { key: `tmp/${body.key}` },
      ]),
    );
    const ttl = Date.parse(policy.expiration) - Date.now();
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
  });

  it('commits from tmp/: strips GPS, writes uploads/<key>, deletes the tmp object, redirects reads to a signed GET', async () => {
    const original = jpegWithGps();
    const { body } = await target(stack.app, 'image/jpeg', original.length);
    s3.objects.set(`tmp/${body.key}`, { body: original, type: 'image/jpeg' }); // what the browser's POST leaves
    const commit = await json(stack.app, '/api/uploads/commit', { key: body.key });
    expect(commit.status).toBe(200);
    const stored = s3.objects.get(body.key)!;
    expect(hasGps(stored.body)).toBe(false);
    expect(stored).toMatchObject({ type: 'image/jpeg', cacheControl: expect.stringMatching(/^private/) });
    expect(s3.objects.has(`tmp/${body.key}`)).toBe(false);

    const read = await stack.app.request((await commit.json()).url);
    expect(read.status).toBe(302);
    expect(read.headers.get('Cache-Control')).toBe('private, no-store');
    const location = new URL(read.headers.get('Location')!);
    expect(location.host).toBe(`${bucket}.s3.ap-southeast-1.amazonaws.com`);
    expect(location.pathname).toBe(`/${body.key}`);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(location.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses and deletes an upload that is not an image', async () => {
    const { body } = await target(stack.app, 'image/webp', 100);
    s3.objects.set(`tmp/${body.key}`, { body: new TextEncoder().encode('<html>not a photo</html>') });
    const commit = await json(stack.app, '/api/uploads/commit', { key: body.key });
    expect(commit.status).toBe(422);
    expect((await commit.json()).error.code).toBe('IMAGE_TYPE_MISMATCH');
    expect(s3.objects.has(`tmp/${body.key}`)).toBe(false);
    expect(s3.objects.has(body.key)).toBe(false);
  });
});
