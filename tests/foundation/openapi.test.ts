// The OpenAPI document and the routes cannot drift: every API route is documented and vice versa.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.js';
import { loadConfig } from '../../functions/config.js';
import { buildRuntime } from '../../functions/runtime.js';

const UNDOCUMENTED = new Set(['GET /api/openapi.json', 'GET /api/docs']);

describe('OpenAPI document', () => {
  const app = createApp(buildRuntime(loadConfig({ APP_ENV: 'test', LOG_LEVEL: 'silent' })).services);

  it('lists exactly the routes the app serves', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = [
      ...new Set(
        app.routes
          .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path.startsWith('/open311/')))
          .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, '{$1}')}`)
          .filter((r) => !UNDOCUMENTED.has(r)),
      ),
    ].sort();
    expect(served.length).toBeGreaterThan(0);
    expect(documented).toEqual(served);
  });

  it('serves a browsable docs page that loads its assets from our own origin', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/docs-assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
  });
});
