// vitest global setup: one in-memory DynamoDB Local for the whole run, with one table seeded from
// data/geojson that read-only suites share (suites that write make their own tables).
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../functions/config.js';
import { startDynamoLocal } from '../../functions/local/dynamodb-local.js';
import { seedIfEmpty } from '../../functions/local/seed.js';
import { buildRuntime } from '../../functions/runtime.js';
import { migrate } from '../../functions/store/migrations.js';
import { ensureTable } from '../../functions/store/table-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    seededTable: string;
    /** The clock the shared table's seed incidents were shifted to (ISO). */
    seedNow: string;
  }
}

export const SEEDED_TABLE = 'seeded-shared';

export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const store = await startDynamoLocal();
  const runtime = buildRuntime(
    loadConfig({
      APP_ENV: 'test',
      LOG_LEVEL: 'silent',
      DYNAMODB_ENDPOINT: store.endpoint,
      TABLE_NAME: SEEDED_TABLE,
      STORE_TIMEOUT_MS: '30000',
    }),
  );
  await ensureTable(runtime.clients.raw, SEEDED_TABLE);
  await migrate(runtime.clients.doc, SEEDED_TABLE);
  const seedNow = new Date();
  await seedIfEmpty(runtime, { incidents: 'counters', now: () => seedNow });
  runtime.clients.raw.destroy();
  project.provide('dynamoEndpoint', store.endpoint);
  project.provide('seededTable', SEEDED_TABLE);
  project.provide('seedNow', seedNow.toISOString());
  return async () => {
    await store.stop();
  };
}
