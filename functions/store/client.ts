// The DynamoDB clients: one per process, pointed at AWS or at any compatible endpoint by config.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface StoreClientOptions {
  region: string;
  endpoint?: string;
  /** Upper bound for one HTTP attempt; a down store fails fast instead of hanging requests. */
  timeoutMs: number;
}

export interface StoreClients {
  raw: DynamoDBClient;
  doc: DynamoDBDocumentClient;
}

/** Builds the low-level and document clients. Local endpoints get dummy credentials. */
export function createStoreClients(options: StoreClientOptions): StoreClients {
  const local = options.endpoint !== undefined;
  const raw = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    maxAttempts: 2,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: Math.min(options.timeoutMs, 1_000),
      requestTimeout: options.timeoutMs,
      // Without this the SDK only logs a warning and keeps waiting: a stuck store must fail fast.
      throwOnRequestTimeout: true,
    }),
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  // One deadline for the whole call, retries included: a store that accepts connections but never answers
  // must cost a request at most timeoutMs, not timeoutMs per attempt.
  raw.middlewareStack.add(
    (next) => (args) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const err = new Error(`the store did not answer within ${options.timeoutMs} ms`);
          err.name = 'TimeoutError';
          reject(err);
        }, options.timeoutMs);
      });
      return Promise.race([next(args), deadline]).finally(() => clearTimeout(timer));
    },
    { step: 'initialize', name: 'storeCallDeadline', priority: 'high' },
  );
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
  return { raw, doc };
}

const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
]);
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/** True when an SDK error means "the store is down or overloaded right now", not "your request is wrong". */
export function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (UNAVAILABLE_NAMES.has(e.name)) return true;
  if (e.code && UNAVAILABLE_CODES.has(e.code)) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (e.name === 'AggregateError' || /ECONNREFUSED|socket hang up|timed? ?out/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isStoreUnavailable(e.cause);
}
