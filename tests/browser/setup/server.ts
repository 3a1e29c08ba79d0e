// Global setup of the browser journeys: in-memory DynamoDB Local, the seeded data, the built web app (WGS84 and
// a GCJ-02 variant), each served by the project's own local server on a free port.
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createApp } from '../../../functions/app.js';
import { loadConfig } from '../../../functions/config.js';
import { freePort, startDynamoLocal } from '../../../functions/local/dynamodb-local.js';
import { seedIfEmpty } from '../../../functions/local/seed.js';
import { startLocalServer } from '../../../functions/local/server.js';
import { buildRuntime } from '../../../functions/runtime.js';
import { migrate } from '../../../functions/store/migrations.js';
import { ensureTable } from '../../../functions/store/table-admin.js';
import { fileDemoReports } from './demo-reports.js';
import { buildWeb } from './web-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app (offline basemap, WGS84 display). */
    baseUrl: string;
    /** The same app built with VITE_BASEMAP_CRS=gcj02: every overlay shifted for display. */
    gcjUrl: string;
  }
}

export const GCJ_DIST = 'test-results/browser/dist-gcj';

export default async function setup(project: TestProject) {
  const started = performance.now();
  const log = (msg: string) =>
    console.log(`[browser setup] ${msg} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const builds = (async () => {
    const main = await buildWeb('web/dist');
    const gcj = await buildWeb(GCJ_DIST, { VITE_BASEMAP_CRS: 'gcj02' });
    log(`web/dist: ${main}, GCJ variant: ${gcj}`);
  })();
  builds.catch(() => {}); // awaited (and its error thrown) after seeding
  const store = await startDynamoLocal();
  const config = loadConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DYNAMODB_ENDPOINT: store.endpoint,
    TABLE_NAME: 'browser-journeys',
    // The journeys file many reports from one address; the limits have their own tests (tests/security).
    RATE_LIMIT_IP: 'off',
    RATE_LIMIT_RECEIPT: 'off',
    STORE_TIMEOUT_MS: '15000',
  });
  const runtime = buildRuntime(config);
  await ensureTable(runtime.clients.raw, config.TABLE_NAME);
  await migrate(runtime.clients.doc, config.TABLE_NAME);
  // The hot-spot journey needs the seeded history, but only as the daily counters the statistics read
  // (loading all 20,000 records would take minutes); the staff map gets demo reports filed through the API.
  await seedIfEmpty(runtime, { incidents: 'counters' });
  log('data seeded (incident counters)');
  const app = createApp(runtime.services);
  log(`${await fileDemoReports(app)} demo reports filed`);
  await builds;
  const main = await startLocalServer({ app, port: await freePort(), webDist: resolve('web/dist') });
  const gcj = await startLocalServer({ app, port: await freePort(), webDist: resolve(GCJ_DIST) });
  project.provide('baseUrl', main.url);
  project.provide('gcjUrl', gcj.url);
  log(`serving ${main.url} and ${gcj.url}`);
  return async () => {
    main.server.close();
    gcj.server.close();
    runtime.clients.raw.destroy();
    await store.stop();
  };
}
