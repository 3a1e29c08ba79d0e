// Anonymous writes are limited per client address (CloudFront-Viewer-Address behind the CDN) with 429 + Retry-After;
// security headers are on every response, and the web app gets the CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../core/security/headers.js';
import { issueToken } from '../../functions/http/auth.js';
import { createLocalHandler } from '../../functions/local/server.js';
import { createSeededStack } from '../helpers/store.js';

describe('rate limits and security headers', () => {
  let stack: Awaited<ReturnType<typeof createSeededStack>>;
  beforeAll(async () => {
    stack = await createSeededStack({
      RATE_LIMIT_IP: '3/600',
      CLIENT_IP_HEADER: 'cloudfront-viewer-address',
    });
  });
  afterAll(() => stack.cleanup());

  const report = (ip: string, token?: string) =>
    stack.app.request('/api/incidents', {
      method: 'POST',
      body: JSON.stringify({
        lon: 112.8836,
        lat: 27.8555,
        category: 'noise',
        description: `限流测试 ${Math.random()}`,
      }),
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': `rl-${Math.random().toString(36).slice(2)}`,
        'CloudFront-Viewer-Address': `${ip}:50123`,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });

  it('lets 3 anonymous reports through per address and window, then 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await report('198.51.100.7')).status).toBe(201);
    const limited = await report('198.51.100.7');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    const body = await limited.json();
    expect(body.error.code).toBe('RATE_LIMITED');
  });

  it('counts each client address separately and does not limit signed-in staff', async () => {
    expect((await report('198.51.100.8')).status).toBe(201);
    const token = await issueToken(stack.config, { sub: 'd1', role: 'dispatcher' });
    expect((await report('198.51.100.7', token)).status).toBe(201);
  });

  it('puts security headers on API responses, errors included', async () => {
    for (const path of ['/api/health', '/api/nowhere']) {
      const res = await stack.app.request(path);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    }
  });

  it('serves pages with a CSP that allows only our origin, the basemap and blob: workers, and no inline script', async () => {
    const handler = createLocalHandler(stack.app, undefined, ['https://t0.tianditu.gov.cn']);
    const res = await handler.request('/');
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain('https://t0.tianditu.gov.cn');
  });

  it('adds the photo bucket to connect-src and img-src only, and drops anything that is not an https origin', () => {
    const csp = contentSecurityPolicy({
      photoOrigins: [
        'https://yuhu-uploads.s3.ap-southeast-1.amazonaws.com',
        "http://x; script-src 'unsafe-eval'",
      ],
    });
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive('connect-src')).toBe(
      "connect-src 'self' https://yuhu-uploads.s3.ap-southeast-1.amazonaws.com",
    );
    expect(directive('img-src')).toBe(
      "img-src 'self' data: blob: https://yuhu-uploads.s3.ap-southeast-1.amazonaws.com",
    );
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });
});
