// CloudFront behaviours that send /api/* and /open311/* to the HTTP API, so the web app and the
// API share one origin (no CORS, cookies and tokens stay first-party).
import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Construct } from 'constructs';
import { API_PATH_PREFIXES } from './api';

/** Request headers the API reads (Authorization travels with the cache policy). */
export const API_FORWARDED_HEADERS = [
  'CloudFront-Viewer-Address',
  'Accept',
  'Accept-Language',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'If-None-Match',
  'Origin',
  'User-Agent',
  'X-Receipt',
  'X-Request-Id',
] as const;

/** Path pattern → behaviour, most specific first: CloudFront takes the first pattern that matches. */
export function apiBehaviors(
  scope: Construct,
  apiDomainName: string,
): Record<string, cloudfront.BehaviorOptions> {
  const origin = new origins.HttpOrigin(apiDomainName, {
    protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
  });
  // Host is not forwarded (API Gateway answers only to its own host name); CloudFront-Viewer-Address
  // is, so rate limits see the real client (functions read it via CLIENT_IP_HEADER).
  const originRequest = new cloudfront.OriginRequestPolicy(scope, 'ApiOriginRequest', {
    headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...API_FORWARDED_HEADERS),
    queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
  });
  const behavior = (cachePolicy: cloudfront.ICachePolicy): cloudfront.BehaviorOptions => ({
    origin,
    viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
    cachePolicy,
    originRequestPolicy: originRequest,
  });
  // Tiles are cached only as long as the API's Cache-Control says (default 0). Authorization is in
  // the key, so a cached tile is never served to a different caller.
  const tilesCache = new cloudfront.CachePolicy(scope, 'TilesCache', {
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(0),
    maxTtl: Duration.days(1),
    headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization'),
    queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });
  // Everything else is uncached; with caching disabled CloudFront forwards Authorization as well.
  const behaviors: Record<string, cloudfront.BehaviorOptions> = { '/api/tiles/*': behavior(tilesCache) };
  for (const prefix of API_PATH_PREFIXES) {
    behaviors[`${prefix}/*`] = behavior(cloudfront.CachePolicy.CACHING_DISABLED);
  }
  return behaviors;
}
