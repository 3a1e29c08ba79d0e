// Web benchmark (issue #7): navigation → first map idle for the app with 667 blocks and 20,000
// incidents in the store, against MapLibre rendering an empty style on the same machine (software
// WebGL), plus the bytes transferred before idle. Run: npm run bench:web [-- --runs 3]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { chromium } from 'playwright-core';
import { createApp } from '../functions/app';
import { loadConfig } from '../functions/config';
import { startDynamoLocal } from '../functions/local/dynamodb-local';
import { seedIfEmpty } from '../functions/local/seed';
import { startLocalServer } from '../functions/local/server';
import { buildRuntime } from '../functions/runtime';
import { migrate } from '../functions/store/migrations';
import { ensureTable } from '../functions/store/table-admin';
import { CHROMIUM_FLAGS, chromiumPath } from './lib/chromium';
import { machineHeader, median } from './lib/report';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(values.runs);

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
console.log(machineHeader('web benchmark: navigation → first map idle'));

const store = await startDynamoLocal();
const runtime = buildRuntime(
  loadConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DYNAMODB_ENDPOINT: store.endpoint,
    TABLE_NAME: 'bench-web',
  }),
);
await ensureTable(runtime.clients.raw, 'bench-web');
await migrate(runtime.clients.doc, 'bench-web');
const seeded = await seedIfEmpty(runtime, { incidents: 'all' });
console.log(
  `store:   ${seeded.blocks} blocks, ${seeded.incidents.incidents ?? 0} incidents (DynamoDB Local, in memory)`,
);
if (!existsSync('web/dist/index.html')) {
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts'],
    { stdio: 'inherit' },
  );
}
const app = await startLocalServer({
  app: createApp(runtime.services),
  port: 0,
  webDist: resolve('web/dist'),
});

// The baseline: the same MapLibre build with an empty style, served without the app.
const baseline = new Hono();
baseline.use('*', compress());
baseline.get('/', (c) =>
  c.html(
    '<!doctype html><link rel="stylesheet" href="/ml/maplibre-gl.css"><div id="map" style="position:absolute;inset:0"></div><script type="module" src="/empty.js"></script>',
  ),
);
baseline.get('/empty.js', (c) =>
  c.body(
    "import * as maplibregl from '/ml/maplibre-gl.mjs';\n" +
      "const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [] }, center: [112.9, 27.86], zoom: 12 });\n" +
      'window.__mapIdle = () => new Promise((r) => (map.loaded() ? r() : map.once("idle", () => r())));\n',
    200,
    { 'Content-Type': 'text/javascript' },
  ),
);
baseline.use(
  '/ml/*',
  serveStatic({ root: 'node_modules/maplibre-gl/dist', rewriteRequestPath: (p) => p.slice(3) }),
);
const empty = await new Promise<{ close(): void; url: string }>((done) => {
  const server = serve({ fetch: baseline.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    done({ close: () => server.close(), url: `http://127.0.0.1:${info.port}/` }),
  );
});

async function measure(url: string) {
  const profile = mkdtempSync(join(tmpdir(), 'yuhu-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
    });
    const started = performance.now();
    await page.goto(url);
    await page.waitForFunction(
      () => typeof (globalThis as { __mapIdle?: unknown }).__mapIdle === 'function',
      null,
      { timeout: 120_000 },
    );
    await page.evaluate(() => (globalThis as unknown as { __mapIdle: () => Promise<void> }).__mapIdle());
    return { ms: performance.now() - started, bytes };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const appRuns = [];
const emptyRuns = [];
for (let i = 0; i < RUNS; i++) {
  emptyRuns.push(await measure(empty.url));
  appRuns.push(await measure(`${app.url}/`));
}
const appMs = median(appRuns.map((r) => r.ms));
const emptyMs = median(emptyRuns.map((r) => r.ms));
const appBytes = median(appRuns.map((r) => r.bytes));
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(`\nruns:    ${RUNS} each, cold browser profile per run`);
console.log(
  `empty style (baseline): ${emptyMs.toFixed(0)} ms to idle, ${kb(median(emptyRuns.map((r) => r.bytes)))} transferred`,
);
console.log(`app (resident view):    ${appMs.toFixed(0)} ms to idle, ${kb(appBytes)} transferred`);
console.log(`ratio app / empty:      ${(appMs / emptyMs).toFixed(2)}×`);
const checks: [string, boolean][] = [
  [`< 1 MB transferred before first idle (${kb(appBytes)})`, appBytes < 1024 * 1024],
  [`idle within 2× the empty style (${(appMs / emptyMs).toFixed(2)}×)`, appMs <= 2 * emptyMs],
];
console.log('\ntargets:');
for (const [name, ok] of checks) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}`);
empty.close();
app.server.close();
runtime.clients.raw.destroy();
await store.stop();
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
