// The Lambda handler and the local server serve the same app: same answers for the same requests.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalServer } from '../../functions/local/server.js';
import { httpApiEvent } from '../helpers/lambda-event.js';
import { createTestStack, testEnv } from '../helpers/store.js';

type Handler = typeof import('../../functions/lambda.js')['handler'];

describe('Lambda handler (API Gateway HTTP API v2) vs local server', () => {
  let handler: Handler;
  let stack: Awaited<ReturnType<typeof createTestStack>>;
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    const env = testEnv();
    stack = await createTestStack({ TABLE_NAME: env.TABLE_NAME });
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    ({ handler } = await import('../../functions/lambda.js'));
    const local = await startLocalServer({ app: stack.app, port: 0 });
    url = local.url;
    close = () => local.server.close();
  });
  afterAll(async () => {
    close();
    vi.unstubAllEnvs();
    await stack.cleanup();
  });

  const viaLambda = async (
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ) => {
    const res = (await handler(httpApiEvent(method, path, init))) as {
      statusCode: number;
      headers?: Record<string, string>;
      body?: string;
    };
    return {
      status: res.statusCode,
      headers: res.headers ?? {},
      body: res.body ? JSON.parse(res.body) : undefined,
    };
  };
  const viaServer = async (
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ) => {
    const res = await fetch(`${url}${path}`, { method, headers: init.headers, body: init.body });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.json() };
  };

  it('GET /api/health: 200 with the store reachable, in both runtimes', async () => {
    const [a, b] = await Promise.all([viaLambda('GET', '/api/health'), viaServer('GET', '/api/health')]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const strip = (x: { store: { latency_ms?: number } }) => ({ ...x, store: { ...x.store, latency_ms: 0 } });
    expect(strip(a.body)).toEqual(strip(b.body));
    expect(a.body.store).toMatchObject({ reachable: true, schema_version: 1 });
  });

  it('unknown route: the same 404 error body, with a request id header', async () => {
    const [a, b] = await Promise.all([
      viaLambda('GET', '/api/nowhere?x=1'),
      viaServer('GET', '/api/nowhere?x=1'),
    ]);
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(a.body.error.code).toBe('NOT_FOUND');
    expect({ ...a.body.error, request_id: '' }).toEqual({ ...b.body.error, request_id: '' });
    expect(a.headers['x-request-id']).toBe(a.body.error.request_id);
  });

  it('serves the same OpenAPI document', async () => {
    const [a, b] = await Promise.all([
      viaLambda('GET', '/api/openapi.json'),
      viaServer('GET', '/api/openapi.json'),
    ]);
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
  });

  it('runs one notifier round for the EventBridge schedule', async () => {
    const out = (await handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' })) as {
      sla: unknown;
      delivery: unknown;
    };
    expect(out).toHaveProperty('sla');
    expect(out).toHaveProperty('delivery');
  });
});
