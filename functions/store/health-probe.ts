// Health probe over DynamoDB: one consistent read of the meta items, timed.
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { HealthProbe } from '../http/context.js';
import { errorFields } from '../logger.js';
import type { StoreClients } from './client.js';
import { CURRENT_GENERATION_KEY } from './keys.js';
import { SCHEMA_META_KEY } from './migrations.js';

/** Reads the schema version and the current generation; an unreachable store is reported, not thrown. */
export function createHealthProbe(clients: StoreClients, tableName: string): HealthProbe {
  return {
    async check() {
      const started = performance.now();
      try {
        const out = await clients.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: { Keys: [SCHEMA_META_KEY, CURRENT_GENERATION_KEY], ConsistentRead: true },
            },
          }),
        );
        const items = out.Responses?.[tableName] ?? [];
        const schema = items.find((i) => i.sk === SCHEMA_META_KEY.sk);
        const current = items.find((i) => i.sk === CURRENT_GENERATION_KEY.sk);
        return {
          store: {
            reachable: true,
            latency_ms: Math.round(performance.now() - started),
            table: tableName,
            schema_version: typeof schema?.schema_version === 'number' ? schema.schema_version : 0,
          },
          generation: typeof current?.generation === 'number' ? current.generation : null,
        };
      } catch (err) {
        const { error, error_message } = errorFields(err);
        return {
          store: {
            reachable: false,
            latency_ms: Math.round(performance.now() - started),
            table: tableName,
            error: `${error}: ${error_message ?? ''}`.trim(),
          },
          generation: null,
        };
      }
    },
  };
}
