// Open311 plumbing: input validation, responses in the format the URL asks for (.json or .xml),
// and the spec's error format.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import type { AppEnv } from '../../http/context.js';
import { type ErrorBody, handleError } from '../../http/errors.js';
import { validationHook } from '../../http/validation.js';
import { toXml } from './xml.js';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

/** The spec's content types (both UTF-8). */
const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** Validates like every other route (the shared hook: 400 INVALID_REQUEST naming the field). */
export function parseInput<T extends z.ZodType>(
  schema: T,
  data: unknown,
  target: 'query' | 'form',
  c: Context<AppEnv>,
): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success) validationHook({ success: false, error: result.error, target }, c);
  return result.data as z.output<T>;
}

/** The format a path asks for by its extension; anything but `.xml` is answered in JSON. */
export const formatOf = (path: string): Format => (path.toLowerCase().endsWith('.xml') ? 'xml' : 'json');

/** A 404 in our stable vocabulary (NOT_FOUND), for resources and paths Open311 does not have. */
export const notFound = (message: string, details?: Record<string, unknown>) =>
  new DomainError('NOT_FOUND', message, 404, details);

/**
 * Splits the last path segment `<id>.<format>` (e.g. `noise.xml`); 404 when the extension is not
 * json or xml. Item routes take the whole segment because Hono matches one parameter per segment.
 */
export function idAndFormat(c: Context<AppEnv>, what: string): { id: string; format: Format } {
  const raw = c.req.path.slice(c.req.path.lastIndexOf('/') + 1);
  let segment = raw;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    // a malformed %-escape: keep it as sent, it matches no id
  }
  const dot = segment.lastIndexOf('.');
  const format = segment.slice(dot + 1).toLowerCase();
  if (dot <= 0 || !(FORMATS as readonly string[]).includes(format)) {
    throw notFound(`add .json or .xml to the ${what}, e.g. ${c.req.path.replace(/\.[^./]*$/, '')}.json`, {
      path: c.req.path,
    });
  }
  return { id: segment.slice(0, dot), format: format as Format };
}

/**
 * Sends `value` as JSON, or as XML under the root element `root` (the spec's Spark convention:
 * an array becomes `<root>` holding one singular element per item).
 */
export function respond(
  c: Context<AppEnv>,
  format: Format,
  root: string,
  value: unknown,
  status: ContentfulStatusCode = 200,
): Response {
  const body = format === 'xml' ? toXml(root, value) : JSON.stringify(value);
  return c.body(body, status, { 'Content-Type': CONTENT_TYPE[format] });
}

/** The spec's error list: `code` is the HTTP status; `description` starts with our stable code. */
export function open311Errors(status: number, code: string, message: string) {
  return [{ code: status, description: `${code}: ${message}` }];
}

/**
 * `onError` of the Open311 sub-app. The app's one error mapping (`handleError`) decides status,
 * code, message and logging; this only re-shapes its body into the spec's `errors` format, in the
 * format the URL asked for, keeping headers such as Retry-After.
 */
export async function open311ErrorHandler(err: Error, c: Context<AppEnv>): Promise<Response> {
  const standard = handleError(err, c);
  const { error } = (await standard.json()) as ErrorBody;
  return respond(
    c,
    formatOf(c.req.path),
    'errors',
    open311Errors(standard.status, error.code, error.message),
    standard.status as ContentfulStatusCode,
  );
}
