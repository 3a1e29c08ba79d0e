// Fixed-window rate limits kept in DynamoDB, so a limit holds across every Lambda container.
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';

export interface RateLimiter {
  /** Counts one hit for `key`; returns 0 when allowed, else the seconds until the window resets. */
  hit(scope: string, key: string, limit: number, windowSeconds: number, now?: Date): Promise<number>;
}

/** One item per (scope, key, window): ADD 1 unless the count already reached the limit; TTL cleans up. */
export function createDynamoRateLimiter(doc: DynamoDBDocumentClient, table: string): RateLimiter {
  return {
    async hit(scope, key, limit, windowSeconds, now = new Date()) {
      const t = Math.floor(now.getTime() / 1000);
      const start = t - (t % windowSeconds);
      const retryAfter = Math.max(1, start + windowSeconds - t);
      if (limit <= 0) return retryAfter;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: `RATE#${scope}#${key}`, sk: `WIN#${start}` },
            UpdateExpression: 'ADD hits :one SET expires_at = :exp',
            ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
            ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':exp': start + windowSeconds + 60 },
          }),
        );
        return 0;
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') return retryAfter;
        throw err;
      }
    },
  };
}
