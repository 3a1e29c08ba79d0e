// Issue #9 "Access" in the cloud configuration (APP_ENV=production, tokens verified by a JWKS only):
// nothing that exists for local development may help an attacker there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadService } from '../../functions/services/uploads.js';
import { createTestStack } from '../helpers/store.js';
import { SECURITY_STACK_ENV } from './helpers/http.js';
import { jpegWithGps } from './helpers/images.js';

/** The development fallback secret, public in functions/config.ts (so anyone can read it). */
const PUBLIC_DEV_SECRET = 'yuhu-local-development-secret-not-for-production';

const dataDir = mkdtempSync(join(tmpdir(), 'yuhu-production-'));
let stack: Awaited<ReturnType<typeof createTestStack>>;

beforeAll(async () => {
  stack = await createTestStack({
    ...SECURITY_STACK_ENV,
    APP_ENV: 'production',
    AUTH_JWKS_URL: 'https://idp.example.invalid/.well-known/jwks.json',
    DATA_DIR: dataDir,
  });
});
afterAll(async () => {
  await stack?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('production configuration (JWKS only)', () => {
  it('does not serve the development token endpoint', async () => {
    const res = await stack.app.request('/api/dev/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(res.status).toBe(404);
    const doc = await (await stack.app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).not.toContain('/api/dev/tokens');
  });

  it('refuses an HS256 token signed with the public development secret (401)', async () => {
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('attacker')
      .setIssuer(stack.config.AUTH_ISSUER)
      .setAudience(stack.config.AUTH_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(PUBLIC_DEV_SECRET));
    const res = await stack.app.request('/api/hotspots', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });

  // Was a bug (issue #9), fixed; kept as a regression test: with AUTH_JWKS_URL and no AUTH_JWT_SECRET, config.authSecret falls back to the
  // public development secret (functions/config.ts loadConfig), and UploadService derives its upload-grant
  // HMAC key from it: anyone can mint a grant for /api/uploads/local/{token} (any key, any size ceiling).
  it('refuses a local-upload grant forged with the public development secret (403)', async () => {
    const forger = new UploadService({} as never, PUBLIC_DEV_SECRET);
    const token = forger.signGrant({
      key: 'uploads/2026/11/forgedforgedforged01.jpg',
      type: 'image/jpeg',
      maxBytes: 50 * 1024 * 1024,
      expires: Math.floor(Date.now() / 1000) + 3600,
    });
    const res = await stack.app.request(`/api/uploads/local/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/jpeg' },
      body: jpegWithGps(1_000) as BodyInit,
    });
    expect(res.status, await res.text()).toBe(403);
  });
});
