// Photo uploads: ask for a target, upload (straight to S3, or to our local endpoint), commit (strip
// metadata), and read a photo back. Flow and limits: docs/uploads-and-notifications.md.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import {
  MAX_PHOTO_BYTES,
  PHOTO_TYPE_LIST,
  PhotoTooLargeError,
  UnsupportedMediaTypeError,
} from '../../core/media/photo.js';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { MULTIPART_OVERHEAD_BYTES, uploadsOf } from '../services/uploads.js';
import { PHOTO_CACHE_CONTROL } from '../store/photo-store.js';
import { errors } from './schemas.js';

const targetSchema = z
  .object({
    key: z.string().meta({ example: 'uploads/2025/06/3q2-7wEo0sdfXc1c9yTn9g.jpg' }),
    method: z.literal('POST'),
    url: z.string().meta({ description: 'S3 bucket URL (cloud) or /api/uploads/local/<token> (local)' }),
    fields: z
      .record(z.string(), z.string())
      .meta({ description: 'form fields to send before the `file` field, unchanged' }),
    max_bytes: z.number().int(),
    expires_at: z.string(),
  })
  .meta({ id: 'UploadTarget' });

const committedSchema = z
  .object({
    key: z.string(),
    content_type: z.enum(PHOTO_TYPE_LIST),
    bytes: z.number().int(),
    url: z.string().meta({ description: 'where GET serves the photo' }),
  })
  .meta({ id: 'CommittedPhoto' });

const binary = { schema: { type: 'string' as const, format: 'binary' } };
const imageContent = Object.fromEntries(PHOTO_TYPE_LIST.map((t) => [t, binary]));

const routes = {
  target: createRoute({
    method: 'post',
    path: '/uploads',
    tags: ['uploads'],
    summary: `Get an upload target for one photo (${PHOTO_TYPE_LIST.join(', ')}, at most ${MAX_PHOTO_BYTES} bytes); valid 5 minutes`,
    middleware: [requires('uploads:create')] as const,
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                content_type: z.string().max(100).meta({ enum: PHOTO_TYPE_LIST }),
                size: z.number().int().min(1, 'size is the file size in bytes (at least 1)'),
              })
              .strict()
              .meta({ id: 'UploadRequest' }),
          },
        },
      },
    },
    responses: {
      201: {
        description: 'Where to POST the file',
        content: { 'application/json': { schema: targetSchema } },
      },
      400: errors[400],
      413: errors[413],
      415: { description: 'Not a JPEG, PNG or WebP', content: errors[400].content },
    },
  }),
  local: createRoute({
    method: 'post',
    path: '/uploads/local/{token}',
    tags: ['uploads'],
    summary:
      'Local runs only: receive the file for a target (multipart `file` field, or the raw image as the body)',
    middleware: [requires('uploads:create')] as const,
    request: {
      params: z.object({ token: z.string().min(10).max(600) }),
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { 'Content-Type': { type: 'string' }, file: { type: 'string', format: 'binary' } },
              required: ['file'],
            },
          },
          ...imageContent,
        },
      },
    },
    responses: {
      204: { description: 'Stored (metadata removed); now commit the key' },
      400: errors[400],
      403: { description: 'The upload URL is forged, altered or expired', content: errors[403].content },
      413: errors[413],
      415: { description: 'Not the type the target was issued for', content: errors[400].content },
      422: errors[422],
    },
  }),
  commit: createRoute({
    method: 'post',
    path: '/uploads/commit',
    tags: ['uploads'],
    summary: 'Commit an uploaded photo: metadata (EXIF GPS, XMP, comments) removed, then usable in a report',
    middleware: [requires('uploads:create')] as const,
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({ key: z.string().max(200) })
              .strict()
              .meta({ id: 'CommitUpload' }),
          },
        },
      },
    },
    responses: {
      200: { description: 'Committed', content: { 'application/json': { schema: committedSchema } } },
      400: errors[400],
      404: { description: 'Nothing uploaded for this key (or it expired)', content: errors[404].content },
      413: errors[413],
      422: errors[422],
    },
  }),
  photo: createRoute({
    method: 'get',
    path: '/photos/{year}/{month}/{file}',
    tags: ['uploads'],
    summary: 'A committed photo by its key (unguessable); private cache only',
    middleware: [requires('incidents:read-public')] as const,
    request: {
      params: z.object({
        year: z.string().regex(/^\d{4}$/),
        month: z.string().regex(/^\d{2}$/),
        file: z.string().regex(/^[A-Za-z0-9_-]{8,100}\.(jpg|png|webp)$/),
      }),
    },
    responses: {
      200: { description: 'The photo (local runs)', content: imageContent },
      302: { description: 'Redirect to a signed URL valid 5 minutes (cloud)' },
      404: errors[404],
    },
  }),
};

/** Reads at most `limit` bytes of the body: refuses by Content-Length first, then by bytes actually read. */
async function readLimited(req: Request, limit: number, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) throw new PhotoTooLargeError(maxBytes, declared);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new PhotoTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const uploadRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(routes.target, async (c) => {
    const target = await uploadsOf(c.get('services')).createTarget(c.req.valid('json'));
    return c.json(target, 201);
  })
  .openapi(routes.local, async (c) => {
    // With a bucket, uploads go straight to S3: this endpoint does not exist.
    if (c.get('services').config.UPLOADS_BUCKET) throw new NotFoundError('upload endpoint', 'local');
    const uploads = uploadsOf(c.get('services'));
    const grant = uploads.verifyGrant(c.req.param('token'));
    const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    const multipart = type === 'multipart/form-data';
    const body = await readLimited(
      c.req.raw,
      grant.maxBytes + (multipart ? MULTIPART_OVERHEAD_BYTES : 0),
      grant.maxBytes,
    );
    let bytes = body;
    if (multipart) {
      let form: FormData;
      try {
        form = await new Response(body as Uint8Array<ArrayBuffer>, {
          headers: { 'Content-Type': c.req.header('Content-Type')! },
        }).formData();
      } catch {
        throw new ValidationError('the multipart body could not be parsed', {}, 'INVALID_MULTIPART');
      }
      const declared = form.get('Content-Type');
      if (typeof declared === 'string' && declared !== grant.type)
        throw new UnsupportedMediaTypeError(declared);
      const file = form.get('file');
      if (!file || typeof file === 'string')
        throw new ValidationError(
          'send the photo in the form field `file` (after the other fields)',
          {},
          'MISSING_FILE',
        );
      bytes = new Uint8Array(await file.arrayBuffer());
    } else if (type !== grant.type) {
      throw new UnsupportedMediaTypeError(type || undefined);
    }
    await uploads.receive(grant, bytes);
    return c.body(null, 204);
  })
  .openapi(routes.commit, async (c) => {
    const committed = await uploadsOf(c.get('services')).commit(c.req.valid('json').key);
    return c.json(committed, 200);
  })
  .openapi(routes.photo, async (c) => {
    const { year, month, file } = c.req.valid('param');
    const opened = await uploadsOf(c.get('services')).open(`uploads/${year}/${month}/${file}`);
    if ('redirect' in opened) {
      c.header('Cache-Control', 'private, no-store');
      return c.redirect(opened.redirect, 302);
    }
    return c.body(opened.photo.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': opened.photo.contentType,
      'Cache-Control': PHOTO_CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
  });
