// Batch writes and paged queries with the retries DynamoDB expects (unprocessed items, pagination).
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Puts items 25 at a time, retrying unprocessed ones with backoff; calls onProgress after each batch. */
export async function batchPut(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
  onProgress?: (written: number) => void,
): Promise<void> {
  let written = 0;
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`batch write to ${tableName} kept returning unprocessed items`);
      if (attempt > 0) await sleep(50 * 2 ** attempt);
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (out.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
    written += Math.min(25, items.length - i);
    onProgress?.(written);
  }
}

/** Runs a query to the end, following LastEvaluatedKey. */
export async function queryAll(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
