// `npm start`: the whole product on one machine — DynamoDB Local on disk, table + migrations,
// seed data, web build, and the API + web app on http://localhost:3000. Ctrl-C stops it all.
import { resolve } from 'node:path';
import { createApp } from '../functions/app.js';
import { ConfigError, loadConfig } from '../functions/config.js';
import { type DynamoLocal, startDynamoLocal } from '../functions/local/dynamodb-local.js';
import { seedIfEmpty } from '../functions/local/seed.js';
import { startLocalServer } from '../functions/local/server.js';
import { buildRuntime } from '../functions/runtime.js';
import { startNotifier } from '../functions/services/notifier.js';
import { migrate } from '../functions/store/migrations.js';
import { ensureTable } from '../functions/store/table-admin.js';
import { buildWebIfNeeded } from './lib/web-build.js';

const step = (msg: string) => console.log(`[start] ${msg}`);

// Node 20 is supported here until the Lambda target (Node 22) is the only one; the SDK's notice is known.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const started = performance.now();
  let config = loadConfig();
  let store: DynamoLocal | undefined;
  if (!config.DYNAMODB_ENDPOINT) {
    step(`starting DynamoDB Local (data in ${resolve(config.DATA_DIR, 'dynamodb')}) ...`);
    store = await startDynamoLocal({
      dbPath: resolve(config.DATA_DIR, 'dynamodb'),
      port: config.DYNAMODB_LOCAL_PORT,
    });
    step(`DynamoDB Local answers on ${store.endpoint}`);
    config = loadConfig({ ...process.env, DYNAMODB_ENDPOINT: store.endpoint });
  } else {
    step(`using the DynamoDB at ${config.DYNAMODB_ENDPOINT}`);
  }
  const runtime = buildRuntime(config);
  // Table set-up and bulk loading may be slow on a busy machine: they get a generous store deadline.
  const seeder = buildRuntime(
    loadConfig({ ...process.env, DYNAMODB_ENDPOINT: config.DYNAMODB_ENDPOINT, STORE_TIMEOUT_MS: '30000' }),
  );
  const table = await ensureTable(seeder.clients.raw, config.TABLE_NAME);
  step(`table ${config.TABLE_NAME}: ${table.changes.length ? table.changes.join(', ') : 'exists'}`);
  const migration = await migrate(seeder.clients.doc, config.TABLE_NAME);
  step(
    `schema version ${migration.to}${migration.applied.length ? ` (applied ${migration.applied.join('; ')})` : ''}`,
  );

  const seed = await seedIfEmpty(seeder, { progress: (line) => step(`seed: ${line}`) });
  seeder.clients.raw.destroy();
  step(
    seed.skipped
      ? `data: generation ${seed.generation} already loaded`
      : `data: loaded generation 1 — ${seed.blocks} blocks, ${seed.communities} communities, ${seed.townships} townships, ` +
          `${Object.entries({ ...seed.reference, ...seed.incidents })
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')} in ${(seed.ms / 1000).toFixed(1)} s`,
  );

  const web = buildWebIfNeeded();
  step(`web app: ${web}`);

  const app = createApp(runtime.services);
  const stopNotifier = startNotifier(runtime.services, 2_000);
  const { server, url } = await startLocalServer({
    app,
    port: config.PORT,
    webDist: resolve('web/dist'),
    basemapOrigins: config.basemapOrigins,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const shown = url.replace('127.0.0.1', 'localhost');
  console.log(`\nYuhu block map (雨湖区区块治理地图) is running at ${shown}  (ready in ${seconds} s)`);
  console.log(`  API docs:  ${shown}/api/docs   health: ${shown}/api/health   examples: docs/api.md`);
  console.log(
    '  Staff tokens: npm run token -- --role dispatcher   (or POST /api/dev/tokens {"role":"dispatcher"})',
  );
  console.log('  Stop with Ctrl-C; data is kept in .data/ for the next start.\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    step(`${signal}: stopping ...`);
    server.close();
    await stopNotifier();
    runtime.clients.raw.destroy();
    await store?.stop();
    step('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(`[start] failed: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
