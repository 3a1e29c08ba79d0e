// `npm run seed`: loads the shipped data into the configured table (DynamoDB Local or AWS) if it is empty.
// Creates the table only against a local endpoint; in the cloud the stack owns the table.
import { loadConfig } from '../functions/config.js';
import { seedIfEmpty } from '../functions/local/seed.js';
import { buildRuntime } from '../functions/runtime.js';
import { migrate } from '../functions/store/migrations.js';
import { ensureTable } from '../functions/store/table-admin.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const config = loadConfig();
const runtime = buildRuntime(config);
if (config.DYNAMODB_ENDPOINT) await ensureTable(runtime.clients.raw, config.TABLE_NAME);
await migrate(runtime.clients.doc, config.TABLE_NAME);
const summary = await seedIfEmpty(runtime, { progress: (line) => console.log(`[seed] ${line}`) });
console.log(
  summary.skipped
    ? `[seed] nothing to do: ${config.TABLE_NAME} already holds generation ${summary.generation}`
    : `[seed] loaded generation 1 into ${config.TABLE_NAME}: ${summary.blocks} blocks, ${summary.communities} communities, ` +
        `${summary.townships} townships, ${Object.entries({ ...summary.reference, ...summary.incidents })
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')} in ${(summary.ms / 1000).toFixed(1)} s`,
);
runtime.clients.raw.destroy();
