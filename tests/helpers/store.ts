// Test helper: a fresh, uniquely named table on the run's DynamoDB Local, with runtime and app.
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createApp } from '../../functions/app.js';
import { loadConfig } from '../../functions/config.js';
import { buildRuntime } from '../../functions/runtime.js';
import { migrate } from '../../functions/store/migrations.js';
import { ensureTable } from '../../functions/store/table-admin.js';

let counter = 0;

/** Env for a test runtime pointing at the shared DynamoDB Local with its own table. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  counter += 1;
  return {
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    TABLE_NAME: `t-${process.pid}-${Date.now().toString(36)}-${counter}`,
    // A loaded CI machine must not turn slow store calls into 503s; outages have their own tests.
    STORE_TIMEOUT_MS: '15000',
    // Suites post many anonymous reports from one address; the limiter has its own test.
    RATE_LIMIT_IP: 'off',
    RATE_LIMIT_RECEIPT: 'off',
    ...overrides,
  };
}

/** Creates a migrated table and returns the runtime, app and a cleanup function. */
export async function createTestStack(overrides: Record<string, string> = {}) {
  const config = loadConfig(testEnv(overrides));
  const runtime = buildRuntime(config);
  await ensureTable(runtime.clients.raw, config.TABLE_NAME);
  await migrate(runtime.clients.doc, config.TABLE_NAME);
  const app = createApp(runtime.services);
  return {
    config,
    runtime,
    app,
    async cleanup() {
      await runtime.clients.raw
        .send(new DeleteTableCommand({ TableName: config.TABLE_NAME }))
        .catch(() => {});
      runtime.clients.raw.destroy();
    },
  };
}

/** The app over the table global setup seeded from data/geojson; read-only tests share it. */
export function seededApp(overrides: Record<string, string> = {}) {
  const config = loadConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    TABLE_NAME: inject('seededTable'),
    STORE_TIMEOUT_MS: '15000',
    RATE_LIMIT_IP: 'off',
    RATE_LIMIT_RECEIPT: 'off',
    ...overrides,
  });
  const runtime = buildRuntime(config);
  return { config, runtime, app: createApp(runtime.services) };
}

/** A fresh table seeded from data/geojson, for suites that write (incidents, planner edits). */
export async function createSeededStack(overrides: Record<string, string> = {}) {
  const stack = await createTestStack(overrides);
  const { seedIfEmpty } = await import('../../functions/local/seed.js');
  await seedIfEmpty(stack.runtime, { incidents: 'none' });
  return stack;
}
