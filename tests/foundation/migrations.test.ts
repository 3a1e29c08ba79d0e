// Start-up brings any older table up to date: missing indexes are added, migrations run once, in order.
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../core/store/table-schema.js';
import { loadConfig } from '../../functions/config.js';
import { buildRuntime } from '../../functions/runtime.js';
import { type Migration, migrate, readSchemaVersion } from '../../functions/store/migrations.js';
import { createTableInput, describeTable, ensureTable } from '../../functions/store/table-admin.js';
import { testEnv } from '../helpers/store.js';

describe('table bootstrap and migrations', () => {
  const config = loadConfig(testEnv());
  const runtime = buildRuntime(config);
  const table = config.TABLE_NAME;
  afterAll(() => runtime.clients.raw.destroy());

  beforeAll(async () => {
    // A data directory made by an "older version": only the first index, no schema record, one item.
    const old = createTableInput(table);
    await runtime.clients.raw.send(
      new CreateTableCommand({
        ...old,
        AttributeDefinitions: old.AttributeDefinitions.filter((a) => !/gsi[23]/.test(a.AttributeName ?? '')),
        GlobalSecondaryIndexes: old.GlobalSecondaryIndexes.slice(0, 1),
      }),
    );
    await runtime.clients.doc.send(
      new PutCommand({ TableName: table, Item: { pk: 'KEEP', sk: 'ME', n: 1 } }),
    );
  });

  it('adds the indexes a newer schema declares, keeping the data', async () => {
    const { changes } = await ensureTable(runtime.clients.raw, table);
    expect(changes).toEqual(['added index gsi2', 'added index gsi3']);
    const described = await describeTable(runtime.clients.raw, table);
    expect(described?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(
      TABLE_SCHEMA.globalIndexes.map((g) => g.name),
    );
    const kept = await runtime.clients.doc.send(
      new GetCommand({ TableName: table, Key: { pk: 'KEEP', sk: 'ME' } }),
    );
    expect(kept.Item?.n).toBe(1);
    expect((await ensureTable(runtime.clients.raw, table)).changes).toEqual([]);
  });

  it('two processes bootstrapping a new table at once both succeed; exactly one created it', async () => {
    const fresh = `${table}-race`;
    const results = await Promise.all([
      ensureTable(runtime.clients.raw, fresh),
      ensureTable(runtime.clients.raw, fresh),
    ]);
    const created = results.filter((r) => r.changes.includes(`created table ${fresh}`));
    expect(created).toHaveLength(1);
    const described = await describeTable(runtime.clients.raw, fresh);
    expect(described?.TableStatus).toBe('ACTIVE');
    expect(described?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(
      TABLE_SCHEMA.globalIndexes.map((g) => g.name),
    );
  });

  it('runs pending migrations once, in order, and resumes after a failure', async () => {
    const ran: number[] = [];
    let failOnce = true;
    const steps: Migration[] = [
      { version: 1, description: 'one', up: async () => void ran.push(1) },
      {
        version: 2,
        description: 'two (crashes the first time)',
        up: async () => {
          ran.push(2);
          if (failOnce) {
            failOnce = false;
            throw new Error('simulated crash');
          }
        },
      },
      { version: 3, description: 'three', up: async () => void ran.push(3) },
    ];
    await expect(migrate(runtime.clients.doc, table, steps)).rejects.toThrow('simulated crash');
    expect(await readSchemaVersion(runtime.clients.doc, table)).toBe(1);
    const second = await migrate(runtime.clients.doc, table, steps);
    expect(second).toMatchObject({ from: 1, to: 3 });
    expect(ran).toEqual([1, 2, 2, 3]);
    const third = await migrate(runtime.clients.doc, table, steps);
    expect(third.applied).toEqual([]);
    expect(await readSchemaVersion(runtime.clients.doc, table)).toBe(3);
  });

  it('two processes migrating at once both succeed and record the last version', async () => {
    const fresh = loadConfig(testEnv());
    const rt = buildRuntime(fresh);
    await ensureTable(rt.clients.raw, fresh.TABLE_NAME);
    const steps: Migration[] = [1, 2, 3].map((version) => ({
      version,
      description: `v${version}`,
      up: async () => {},
    }));
    await Promise.all([
      migrate(rt.clients.doc, fresh.TABLE_NAME, steps),
      migrate(rt.clients.doc, fresh.TABLE_NAME, steps),
    ]);
    expect(await readSchemaVersion(rt.clients.doc, fresh.TABLE_NAME)).toBe(3);
    rt.clients.raw.destroy();
  });
});
