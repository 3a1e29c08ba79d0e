// One fetch wrapper for the API: JSON in and out, zod-checked answers, and errors as ApiError with the API's code.
import type { z } from 'zod';
import { errorBodySchema } from './schemas';

/** A failed call: `code` is the API's stable code, or NETWORK / BAD_RESPONSE / UNAVAILABLE for the client's own. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The endpoint does not exist (yet) or the service is down: the UI says "not available". */
  get unavailable(): boolean {
    return (
      this.code === 'UNAVAILABLE' ||
      this.status === 404 ||
      this.status === 405 ||
      this.status === 501 ||
      this.status === 503
    );
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let apiBase = '';
let authToken: string | null = null;

/** Sets the API origin/prefix (config.apiBase); '' = same origin. */
export function setApiBase(base: string): void {
  apiBase = base;
}

/**
 * The staff token sent as `Authorization: Bearer` with every call, or null (resident mode is anonymous).
 * Staff modes set it when they start and clear it when they stop.
 */
export function setAuthToken(token: string | null): void {
  authToken = token;
}

/** Headers every call carries: the staff token, if a staff mode is signed in. */
export function authHeaders(): Record<string, string> {
  return authToken ? { Authorization: `Bearer ${authToken}` } : {};
}

/** An absolute URL of an API path, for MapLibre sources (its workers need absolute URLs). */
export function apiUrl(path: string): string {
  return new URL(`${apiBase}${path}`, window.location.href).href.replace(/%7B/g, '{').replace(/%7D/g, '}');
}

/** Turns a failed response (or its absence) into an ApiError carrying the API's code and message. */
export async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details ?? {});
  }
  return new ApiError(
    response.status,
    response.status >= 500 ? 'UNAVAILABLE' : 'BAD_RESPONSE',
    `HTTP ${response.status}`,
  );
}

/** Calls the API; returns the parsed body and the response headers (ETag = an incident's version). */
export async function requestFull<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<{ body: z.infer<S>; headers: Headers }> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...authHeaders(),
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'the network request failed');
  }
  if (!response.ok) throw await errorOf(response);
  let body: unknown = null;
  const text = await response.text();
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'BAD_RESPONSE', `unexpected answer from ${path.split('?')[0]}`);
  }
  return { body: parsed.data, headers: response.headers };
}

/** Calls the API and returns the body parsed by `schema`; throws ApiError for every kind of failure. */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  return (await requestFull(path, schema, options)).body;
}

/** A query string from the defined values (arrays comma-joined); '' when there are none. */
export function query(params: Record<string, string | number | boolean | readonly string[] | undefined>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}
