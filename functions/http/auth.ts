// Bearer-token authentication (jose) and the permission check every route goes through.
import type { MiddlewareHandler } from 'hono';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { type Action, authorize } from '../../core/auth/permissions.js';
import {
  ANONYMOUS,
  type Principal,
  principalFromClaims,
  type TokenClaims,
  tokenClaimsSchema,
} from '../../core/auth/principal.js';
import { DomainError } from '../../core/errors.js';
import type { Config } from '../config.js';
import type { AppEnv } from './context.js';

export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('FORBIDDEN', message, 403, details);
  }
}

export interface TokenVerifier {
  verify(token: string): Promise<TokenClaims>;
}

/** Verifies HS256 tokens signed with the configured secret, or RS/ES tokens from the configured JWKS. */
export function createTokenVerifier(config: Config): TokenVerifier {
  const jwks: JWTVerifyGetKey | undefined = config.AUTH_JWKS_URL
    ? createRemoteJWKSet(new URL(config.AUTH_JWKS_URL))
    : undefined;
  const secret = new TextEncoder().encode(config.authSecret);
  const options = { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
  return {
    async verify(token) {
      let payload: unknown;
      try {
        payload = jwks
          ? (await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'] })).payload
          : (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        const why =
          code === 'ERR_JWT_EXPIRED'
            ? 'the token has expired; get a new one'
            : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
              ? `the token was not issued for this service (${(err as Error).message})`
              : 'the token signature or format is not valid';
        throw new UnauthenticatedError(why);
      }
      const claims = tokenClaimsSchema.safeParse(payload);
      if (!claims.success) throw new UnauthenticatedError('the token lacks a valid `sub` and `role` claim');
      return claims.data;
    },
  };
}

/** Signs a local HS256 token (the `npm run token` CLI and the development token endpoint). */
export async function issueToken(
  config: Config,
  claims: TokenClaims,
  ttlSeconds = 12 * 3600,
): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(config.authSecret));
}

/** Sets `principal` from the Authorization header; no header means the anonymous resident. */
export function authenticate(verifier: TokenVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    let principal: Principal = ANONYMOUS;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new UnauthenticatedError('send the token as `Authorization: Bearer <token>`');
      principal = principalFromClaims(await verifier.verify(match[1]));
    }
    c.set('principal', principal);
    await next();
  };
}

/** Route guard: 401 for anonymous callers of protected actions, 403 for roles without the permission. */
export function requires(action: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal') ?? ANONYMOUS;
    const decision = authorize(principal, action);
    if (decision === 'unauthenticated') {
      throw new UnauthenticatedError(`${action} needs a signed-in user: send Authorization: Bearer <token>`);
    }
    if (decision === 'forbidden') {
      throw new ForbiddenError(`the ${principal.role} role may not perform ${action}`, {
        action,
        role: principal.role,
      });
    }
    await next();
  };
}
