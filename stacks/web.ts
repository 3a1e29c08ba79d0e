// The web app: a private bucket behind CloudFront (origin access control), with /api/* and
// /open311/* routed to the HTTP API so the browser talks to one origin.
import * as fs from 'node:fs';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { contentSecurityPolicy } from '../core/security/headers';
import { apiBehaviors } from './cdn-routes';

export interface WebProps {
  /** Host name of the HTTP API (no scheme, no path). */
  readonly apiDomainName: string;
  /** Built app (`web/dist`); uploaded only if it exists when the stack is synthesized. */
  readonly distDir: string;
  readonly removalPolicy: RemovalPolicy;
  readonly production: boolean;
  /** https origins of an external basemap allowed by the CSP (BASEMAP_ORIGINS). */
  readonly basemapOrigins?: readonly string[];
  /** Origins photos are uploaded to and shown from (the uploads bucket), allowed in connect-src/img-src. */
  readonly photoOrigins?: readonly string[];
}

// Client-side routes (no file extension in the last segment) get index.html. Only the default
// behaviour runs this, so a 404 from /api/* reaches the caller untouched; no custom error responses.
export const SPA_REWRITE_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/** Site bucket, CloudFront distribution and, when the app is built, its upload. */
export function createWeb(scope: Construct, props: WebProps) {
  const bucket = new s3.Bucket(scope, 'SiteBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    removalPolicy: props.removalPolicy,
    autoDeleteObjects: !props.production,
  });
  const spaRewrite = new cloudfront.Function(scope, 'SpaRewrite', {
    code: cloudfront.FunctionCode.fromInline(SPA_REWRITE_CODE),
    runtime: cloudfront.FunctionRuntime.JS_2_0,
  });
  // The same CSP the local server sends (core/security/headers.ts): own origin + configured basemap, plus
  // the uploads bucket (browsers POST photos to it and load them from it with presigned URLs).
  const headers = new cloudfront.ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    securityHeadersBehavior: {
      contentSecurityPolicy: {
        contentSecurityPolicy: contentSecurityPolicy({
          basemapOrigins: props.basemapOrigins,
          photoOrigins: props.photoOrigins,
        }),
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(365),
        includeSubdomains: true,
        override: true,
      },
    },
  });
  const distribution = new cloudfront.Distribution(scope, 'Distribution', {
    defaultRootObject: 'index.html',
    defaultBehavior: {
      origin: origins.S3BucketOrigin.withOriginAccessControl(bucket),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
      functionAssociations: [
        { function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
      ],
    },
    additionalBehaviors: apiBehaviors(scope, props.apiDomainName),
    httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
    // Includes the Asian edge locations nearest Hunan; PRICE_CLASS_100 would not.
    priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
  });
  // Guarded so tests and `npm run synth` work before the web app is built; deploy after `vite build`.
  if (fs.existsSync(props.distDir)) {
    new s3deploy.BucketDeployment(scope, 'SiteDeployment', {
      sources: [s3deploy.Source.asset(props.distDir)],
      destinationBucket: bucket,
      distribution,
      distributionPaths: ['/*'],
      // Browsers revalidate every file (ETag), so a new index.html is seen at once; old hashed
      // assets are kept so a page opened before the deploy can still lazy-load its chunks.
      cacheControl: [s3deploy.CacheControl.noCache()],
      prune: false,
    });
  }
  return { bucket, distribution, url: `https://${distribution.distributionDomainName}` };
}
