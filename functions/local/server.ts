// The local HTTP server: the same API app as Lambda, plus the built web app and the docs assets,
// on one origin (as CloudFront serves them in the cloud).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from '../../core/security/headers.js';
import type { App } from '../app.js';
import { DOCS_ASSETS_PATH, DOCS_INIT_JS } from '../http/openapi.js';

export interface LocalServerOptions {
  app: App;
  port: number;
  /** Folder of the built web app (web/dist); the server still runs the API when it is missing. */
  webDist?: string;
  host?: string;
  /** Extra https origins the CSP allows for an external basemap. */
  basemapOrigins?: readonly string[];
}

const API_PREFIXES = ['/api/', '/open311/'];

/** A fetch handler routing API paths to the app and everything else to the static web build. */
export function createLocalHandler(app: App, webDist?: string, basemapOrigins: readonly string[] = []): Hono {
  const root = new Hono();
  const csp = contentSecurityPolicy({ basemapOrigins });
  // Pages and assets get the same security headers CloudFront adds in the cloud (core/security/headers.ts).
  root.use('*', async (c, next) => {
    await next();
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/open311/')) return;
    c.res.headers.set('Content-Security-Policy', csp);
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  root.get(`${DOCS_ASSETS_PATH}/docs-init.js`, (c) =>
    c.body(DOCS_INIT_JS, 200, { 'Content-Type': 'text/javascript' }),
  );
  root.use(
    `${DOCS_ASSETS_PATH}/*`,
    serveStatic({ root: swaggerDir, rewriteRequestPath: (p) => p.slice(DOCS_ASSETS_PATH.length) }),
  );
  root.all('*', async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || API_PREFIXES.some((p) => path.startsWith(p))) return app.fetch(c.req.raw, c.env);
    return next();
  });
  if (webDist && existsSync(resolve(webDist, 'index.html'))) {
    // Compressed like CloudFront serves it (the API compresses its own large bodies).
    root.use('*', compress());
    root.use('*', serveStatic({ root: webDist }));
    // SPA fallback: extension-less paths are app routes, answered with the app's index.html.
    root.get('*', serveStatic({ root: webDist, rewriteRequestPath: () => '/index.html' }));
  } else {
    root.get('/', (c) =>
      c.text('The web app is not built (web/dist is missing). The API is at /api/health and /api/docs.', 200),
    );
  }
  return root;
}

/** Starts listening; resolves with the server and its URL once the port is bound. */
export function startLocalServer(options: LocalServerOptions): Promise<{ server: ServerType; url: string }> {
  const handler = createLocalHandler(options.app, options.webDist, options.basemapOrigins);
  const host = options.host ?? '127.0.0.1';
  return new Promise((done, fail) => {
    const server = serve({ fetch: handler.fetch, port: options.port, hostname: host }, (info) =>
      done({ server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}` }),
    );
    server.once('error', fail);
  });
}
