// Store round trip against the real DynamoDB Local the project starts: items, conditions, transactions.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStack } from '../helpers/store.js';

describe('DynamoDB Local store', () => {
  let stack: Awaited<ReturnType<typeof createTestStack>>;
  let table: string;
  beforeAll(async () => {
    stack = await createTestStack();
    table = stack.config.TABLE_NAME;
  });
  afterAll(() => stack.cleanup());

  it('round-trips an item with nested values', async () => {
    const item = { pk: 'T#1', sk: 'A', name: '白石社区', point: [112.883623, 27.855486], meta: { n: 3 } };
    await stack.runtime.clients.doc.send(new PutCommand({ TableName: table, Item: item }));
    const { Item } = await stack.runtime.clients.doc.send(
      new GetCommand({ TableName: table, Key: { pk: 'T#1', sk: 'A' }, ConsistentRead: true }),
    );
    expect(Item).toEqual(item);
  });

  it('queries a GSI', async () => {
    await stack.runtime.clients.doc.send(
      new PutCommand({
        TableName: table,
        Item: { pk: 'T#2', sk: 'A', gsi1pk: 'BLOCK#x', gsi1sk: '2026-01-01' },
      }),
    );
    const out = await stack.runtime.clients.doc.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'BLOCK#x' },
      }),
    );
    expect(out.Items?.map((i) => i.pk)).toEqual(['T#2']);
  });

  it('commits a transaction atomically', async () => {
    await stack.runtime.clients.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { pk: 'INC#1', sk: 'A', v: 1 },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: table, Item: { pk: 'INC#1', sk: 'EVENT#1', action: 'report' } } },
        ],
      }),
    );
    const event = await stack.runtime.clients.doc.send(
      new GetCommand({ TableName: table, Key: { pk: 'INC#1', sk: 'EVENT#1' }, ConsistentRead: true }),
    );
    expect(event.Item?.action).toBe('report');
  });

  it('rolls back the whole transaction when one condition fails, with reasons', async () => {
    const attempt = stack.runtime.clients.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { pk: 'INC#2', sk: 'A' } } },
          {
            Put: {
              TableName: table,
              Item: { pk: 'INC#1', sk: 'A', v: 2 },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    const err = await attempt.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionCanceledException);
    expect((err as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual([
      'None',
      'ConditionalCheckFailed',
    ]);
    const written = await stack.runtime.clients.doc.send(
      new GetCommand({ TableName: table, Key: { pk: 'INC#2', sk: 'A' }, ConsistentRead: true }),
    );
    expect(written.Item).toBeUndefined();
    const kept = await stack.runtime.clients.doc.send(
      new GetCommand({ TableName: table, Key: { pk: 'INC#1', sk: 'A' }, ConsistentRead: true }),
    );
    expect(kept.Item?.v).toBe(1);
  });
});
