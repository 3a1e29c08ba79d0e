// Route guard limiting anonymous writes per client address and per receipt; 429 with Retry-After.
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../core/errors.js';
import { clientIp } from './client-ip.js';
import type { AppEnv } from './context.js';

export class RateLimitedError extends DomainError {
  constructor(retryAfter: number, what: string) {
    super('RATE_LIMITED', `too many ${what}; try again in ${retryAfter} s`, 429, {
      retry_after_s: retryAfter,
    });
  }
}

/**
 * Applies to callers without a token (signed-in staff are accountable and not limited here).
 * `receipt` limits are keyed by the receipt sent in the body or the X-Receipt header.
 */
export function limitAnonymousWrites(scope: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const { config, rateLimiter } = c.get('services');
    const principal = c.get('principal');
    if (!principal?.anonymous) return next();
    const { ip, receipt } = config.rateLimits;
    if (ip) {
      const wait = await rateLimiter.hit(
        `${scope}:ip`,
        clientIp(c, config.CLIENT_IP_HEADER),
        ip.limit,
        ip.windowSeconds,
      );
      if (wait) {
        c.header('Retry-After', String(wait));
        throw new RateLimitedError(wait, 'reports from your address');
      }
    }
    let r = c.req.header('X-Receipt') ?? c.req.query('receipt');
    if (!r && c.req.header('Content-Type')?.includes('application/json')) {
      const body = await c.req.json().catch(() => null);
      if (body && typeof body === 'object' && typeof (body as { receipt?: unknown }).receipt === 'string') {
        r = (body as { receipt: string }).receipt;
      }
    }
    if (receipt && r) {
      const wait = await rateLimiter.hit(
        `${scope}:receipt`,
        r.slice(0, 64),
        receipt.limit,
        receipt.windowSeconds,
      );
      if (wait) {
        c.header('Retry-After', String(wait));
        throw new RateLimitedError(wait, 'actions with this receipt');
      }
    }
    return next();
  };
}
