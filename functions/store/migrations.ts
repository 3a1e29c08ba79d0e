// Versioned, idempotent, resumable data migrations, recorded in the table itself.
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

export interface Migration {
  /** Strictly increasing; the table's `schema_version` is the last one applied. */
  readonly version: number;
  readonly description: string;
  /** Must be idempotent: a crash halfway means it runs again from the start. */
  up(doc: DynamoDBDocumentClient, tableName: string): Promise<void>;
}

/** Key of the one item that records the schema version of the data in the table. */
export const SCHEMA_META_KEY = { pk: 'META', sk: 'SCHEMA' } as const;

/**
 * Every migration the code knows, oldest first. Version 1 is the initial layout (nothing to move).
 * A later change that reshapes items appends a migration here instead of breaking old data dirs.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'initial single-table layout', up: async () => {} },
];

/** Reads the schema version recorded in the table (0 for a table no migration has touched). */
export async function readSchemaVersion(doc: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: SCHEMA_META_KEY, ConsistentRead: true }),
  );
  return typeof Item?.schema_version === 'number' ? Item.schema_version : 0;
}

/**
 * Applies pending migrations in order. Each is recorded only after it succeeded, with a
 * condition so two processes starting together cannot record versions out of order.
 */
export async function migrate(
  doc: DynamoDBDocumentClient,
  tableName: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<{ from: number; to: number; applied: string[] }> {
  const from = await readSchemaVersion(doc, tableName);
  const applied: string[] = [];
  let current = from;
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    await m.up(doc, tableName);
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: SCHEMA_META_KEY,
          UpdateExpression: 'SET schema_version = :v, updated_at = :now, description = :d',
          ConditionExpression: 'attribute_not_exists(schema_version) OR schema_version < :v',
          ExpressionAttributeValues: {
            ':v': m.version,
            ':now': new Date().toISOString(),
            ':d': m.description,
          },
        }),
      );
    } catch (err) {
      // Another process recorded this version first: it ran the same idempotent step.
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
    applied.push(`${m.version}: ${m.description}`);
    current = m.version;
  }
  return { from, to: current, applied };
}
