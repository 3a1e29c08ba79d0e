// Tokens: valid ones become principals; expired, forged, unsigned and foreign tokens get 401.
import { Hono } from 'hono';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { authorize, PERMISSIONS } from '../../core/auth/permissions.js';
import { ANONYMOUS, ROLES } from '../../core/auth/principal.js';
import { loadConfig } from '../../functions/config.js';
import { authenticate, createTokenVerifier, issueToken, requires } from '../../functions/http/auth.js';
import type { AppEnv } from '../../functions/http/context.js';
import { handleError } from '../../functions/http/errors.js';

const config = loadConfig({ APP_ENV: 'test' });

function guardedApp() {
  const app = new Hono<AppEnv>();
  app.use('*', authenticate(createTokenVerifier(config)));
  app.get('/planner-only', requires('generations:edit'), (c) => c.json({ who: c.get('principal') }));
  app.get('/open', requires('locate:read'), (c) => c.json({ who: c.get('principal') }));
  app.onError(handleError);
  return app;
}

const call = (path: string, token?: string) =>
  guardedApp().request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

describe('authentication', () => {
  it('accepts a token it issued and exposes the principal', async () => {
    const token = await issueToken(config, { sub: 'p1', role: 'planner', township: '430302006' });
    const res = await call('/planner-only', token);
    expect(res.status).toBe(200);
    expect((await res.json()).who).toMatchObject({
      id: 'p1',
      role: 'planner',
      township: '430302006',
      anonymous: false,
    });
  });

  it('treats a request without a token as the anonymous resident', async () => {
    const res = await call('/open');
    expect(res.status).toBe(200);
    expect((await res.json()).who).toEqual(ANONYMOUS);
    expect((await call('/planner-only')).status).toBe(401);
  });

  it('answers 403 for a role without the permission', async () => {
    const res = await call('/planner-only', await issueToken(config, { sub: 'd1', role: 'dispatcher' }));
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({
      code: 'FORBIDDEN',
      details: { action: 'generations:edit' },
    });
  });

  const key = new TextEncoder().encode(config.authSecret);
  const base = () =>
    new SignJWT({ role: 'planner' })
      .setSubject('p1')
      .setIssuer(config.AUTH_ISSUER)
      .setAudience(config.AUTH_AUDIENCE);
  it.each([
    [
      'expired',
      async () =>
        base()
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(key),
      'expired',
    ],
    [
      'wrongly signed',
      async () =>
        base()
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('x'.repeat(40))),
      'signature',
    ],
    [
      'alg none',
      async () =>
        new UnsecuredJWT({ role: 'planner' })
          .setSubject('p1')
          .setIssuer(config.AUTH_ISSUER)
          .setAudience(config.AUTH_AUDIENCE)
          .encode(),
      'signature',
    ],
    [
      'wrong issuer',
      async () =>
        new SignJWT({ role: 'planner' })
          .setSubject('p1')
          .setIssuer('evil')
          .setAudience(config.AUTH_AUDIENCE)
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(key),
      'not issued for this service',
    ],
    [
      'unknown role',
      async () =>
        new SignJWT({ role: 'mayor' })
          .setSubject('p1')
          .setIssuer(config.AUTH_ISSUER)
          .setAudience(config.AUTH_AUDIENCE)
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(key),
      'role',
    ],
  ])('refuses a token that is %s with 401', async (_name, make, why) => {
    const res = await call('/open', await make());
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.message).toContain(why);
  });

  it('refuses a malformed Authorization header', async () => {
    const res = await guardedApp().request('/open', { headers: { Authorization: 'Token abc' } });
    expect(res.status).toBe(401);
  });
});

describe('permission matrix', () => {
  it('gives anonymous callers only the actions marked anonymous', () => {
    for (const [action, rule] of Object.entries(PERMISSIONS)) {
      expect(authorize(ANONYMOUS, action as keyof typeof PERMISSIONS)).toBe(
        rule.anonymous ? 'allow' : 'unauthenticated',
      );
    }
  });

  it('lets only planners and admins edit or publish boundaries', () => {
    for (const role of ROLES) {
      const p = { id: 'x', role, anonymous: false };
      const expected = role === 'planner' || role === 'admin' ? 'allow' : 'forbidden';
      expect(authorize(p, 'generations:edit')).toBe(expected);
      expect(authorize(p, 'generations:publish')).toBe(expected);
    }
  });
});
