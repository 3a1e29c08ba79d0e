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
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let apiBase = '';

/** Sets the API origin/prefix (config.apiBase); '' = same origin. */
export function setApiBase(base: string): void {
  apiBase = base;
}

/** An absolute URL of an API path, for MapLibre sources (its workers need absolute URLs). */
export function apiUrl(path: string): string {
  return new URL(`${apiBase}${path}`, window.location.href).href.replace(/%7B/g, '{').replace(/%7D/g, '}');
}

/** Calls the API and returns the body parsed by `schema`; throws ApiError for every kind of failure. */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
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
  let body: unknown = null;
  const text = await response.text();
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details ?? {});
    }
    throw new ApiError(
      response.status,
      response.status >= 500 ? 'UNAVAILABLE' : 'BAD_RESPONSE',
      `HTTP ${response.status}`,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'BAD_RESPONSE', `unexpected answer from ${path.split('?')[0]}`);
  }
  return parsed.data;
}
