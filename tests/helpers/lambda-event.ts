// Builds API Gateway HTTP API (payload v2) events as AWS sends them to the Lambda handler.
import type { LambdaEvent } from 'hono/aws-lambda';

export function httpApiEvent(
  method: string,
  pathWithQuery: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): LambdaEvent {
  const [rawPath, rawQueryString = ''] = pathWithQuery.split('?');
  const query = Object.fromEntries(new URLSearchParams(rawQueryString));
  return {
    version: '2.0',
    routeKey: `ANY ${rawPath}`,
    rawPath,
    rawQueryString,
    cookies: [],
    headers: { host: 'api.example.test', 'x-forwarded-proto': 'https', ...options.headers },
    queryStringParameters: rawQueryString ? query : undefined,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: `ANY ${rawPath}`,
      stage: '$default',
      time: '22/Nov/2026:00:00:00 +0000',
      timeEpoch: 1795305600000,
    },
    body: options.body,
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}
