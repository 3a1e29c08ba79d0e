// The one error mapping of the API: domain errors -> 4xx/503 bodies, anything else -> logged 500.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { DomainError, StoreUnavailableError } from '../../core/errors.js';
import { errorFields } from '../logger.js';
import { isStoreUnavailable } from '../store/client.js';
import type { AppEnv } from './context.js';

/** The error body every 4xx/5xx response carries (documented in the OpenAPI document). */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'OUTSIDE_DISTRICT' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
      request_id: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Builds the standard error body. */
export function errorBody(
  code: string,
  message: string,
  details?: Record<string, unknown>,
  requestId?: string,
) {
  return {
    error: {
      code,
      message,
      ...(details ? { details } : {}),
      ...(requestId ? { request_id: requestId } : {}),
    },
  };
}

/** Hono `onError` handler: the only place that turns exceptions into responses. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId');
  const log = c.get('log');
  const domain = isStoreUnavailable(err) ? new StoreUnavailableError() : err;
  if (domain instanceof DomainError) {
    if (domain.status >= 500) log?.warn('request failed', { code: domain.code, ...errorFields(err) });
    // Any error that says when to come back (store outage, rate limit) carries Retry-After.
    const retryAfter = domain.details?.retry_after_s;
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return c.json(
      errorBody(domain.code, domain.message, domain.details, requestId),
      domain.status as ContentfulStatusCode,
    );
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 401 ? 'UNAUTHENTICATED' : `HTTP_${status}`;
    return c.json(errorBody(code, err.message || 'request refused', undefined, requestId), status);
  }
  log?.error('unhandled error', errorFields(err));
  return c.json(
    errorBody(
      'INTERNAL',
      'something went wrong on our side; the request id identifies it in our logs',
      undefined,
      requestId,
    ),
    500,
  );
}

/** Turns zod issues into the `details` of a 400, naming each field and what is wrong with it. */
export function zodDetails(error: z.ZodError): Record<string, unknown> {
  return {
    issues: error.issues.map((i) => ({
      path: i.path.join('.') || '(body)',
      message: i.message,
      code: i.code,
    })),
  };
}
