// Creates the table (and any index a newer version added) from the one schema definition.
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { keyAttributes, TABLE_SCHEMA, type TableSchema } from '../../core/store/table-schema.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The CreateTable input derived from the schema; the CDK stack derives its table from the same data. */
export function createTableInput(tableName: string, schema: TableSchema = TABLE_SCHEMA) {
  const AttributeDefinitions: AttributeDefinition[] = keyAttributes(schema).map((AttributeName) => ({
    AttributeName,
    AttributeType: schema.attributeType,
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions,
    KeySchema: [
      { AttributeName: schema.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: schema.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: schema.globalIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}

/** Describes the table, or returns undefined when it does not exist. */
export async function describeTable(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return undefined;
    throw err;
  }
}

async function waitActive(
  client: DynamoDBClient,
  tableName: string,
): Promise<GlobalSecondaryIndexDescription[]> {
  for (let i = 0; i < 300; i++) {
    const table = await describeTable(client, tableName);
    const indexes = table?.GlobalSecondaryIndexes ?? [];
    if (table?.TableStatus === 'ACTIVE' && indexes.every((g) => g.IndexStatus === 'ACTIVE')) return indexes;
    await sleep(100);
  }
  throw new Error(`table ${tableName} did not become ACTIVE within 30 s`);
}

/**
 * Sends a create/update that another starting process may have sent already; false when it had (the table is
 * being created or updated by them, or TTL is already on), so the caller just waits for ACTIVE.
 */
async function sendUnlessRaced(
  client: DynamoDBClient,
  command: CreateTableCommand | UpdateTableCommand | UpdateTimeToLiveCommand,
): Promise<boolean> {
  try {
    await client.send(command as CreateTableCommand);
    return true;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'ResourceInUseException') return false;
    if (e.name === 'ValidationException' && /already (exists|enabled)/i.test(e.message ?? '')) return false;
    throw err;
  }
}

/**
 * Makes the table match the schema: creates it when missing, adds indexes a newer schema
 * declares (one at a time, as DynamoDB requires), enables TTL. Safe to run on every start, and from two
 * processes at once (the one that loses a race waits for the other's change).
 * Returns what it changed, for the start-up log.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, schema = TABLE_SCHEMA) {
  const changes: string[] = [];
  const input = createTableInput(tableName, schema);
  let table = await describeTable(client, tableName);
  if (!table) {
    // Another process starting at the same moment may create it first: theirs is the same table.
    if (await sendUnlessRaced(client, new CreateTableCommand(input))) {
      changes.push(`created table ${tableName}`);
      await waitActive(client, tableName);
      await sendUnlessRaced(
        client,
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: schema.ttlAttribute, Enabled: true },
        }),
      );
    }
  }
  let existing = new Set((await waitActive(client, tableName)).map((g) => g.IndexName));
  for (const gsi of input.GlobalSecondaryIndexes) {
    if (existing.has(gsi.IndexName)) continue;
    const added = await sendUnlessRaced(
      client,
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: input.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: gsi }],
      }),
    );
    if (added) changes.push(`added index ${gsi.IndexName}`);
    existing = new Set((await waitActive(client, tableName)).map((g) => g.IndexName));
  }
  table = await describeTable(client, tableName);
  return { changes, itemCount: table?.ItemCount ?? 0 };
}
