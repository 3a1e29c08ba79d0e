// Cross-cutting HTTP behaviour: error bodies, request ids, body limit, store outages as 503.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.js';
import { loadConfig } from '../../functions/config.js';
import { freePort } from '../../functions/local/dynamodb-local.js';
import { buildRuntime } from '../../functions/runtime.js';
import { createTestStack } from '../helpers/store.js';

describe('HTTP conventions', () => {
  let stack: Awaited<ReturnType<typeof createTestStack>>;
  beforeAll(async () => {
    stack = await createTestStack();
  });
  afterAll(() => stack.cleanup());

  it('echoes a caller-supplied request id and generates one otherwise', async () => {
    const mine = await stack.app.request('/api/health', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(mine.headers.get('X-Request-Id')).toBe('abc-123');
    const generated = await stack.app.request('/api/health');
    expect(generated.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses bodies over 1 MB with 413 and the standard error body', async () => {
    const res = await stack.app.request('/api/health', {
      method: 'POST',
      body: 'x'.repeat(1_048_577),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toMatch(/1048576 byte limit/);
  });

  it('reports an unreachable store as 503 with Retry-After, fast, never 500', async () => {
    const deadPort = await freePort();
    const config = loadConfig({
      APP_ENV: 'test',
      LOG_LEVEL: 'silent',
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${deadPort}`,
      STORE_TIMEOUT_MS: '300',
    });
    const app = createApp(buildRuntime(config).services);
    const started = Date.now();
    const res = await app.request('/api/health');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('5');
    const body = await res.json();
    expect(body.store.reachable).toBe(false);
    expect(body.status).toBe('degraded');
  });
});
