// The private uploads bucket (incident photos). Browsers upload with a presigned POST that the API
// signs; the policy it signs carries the `content-length-range` condition, so the size limit is
// enforced by S3 itself, not by the client.
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface UploadsProps {
  readonly production: boolean;
  /** SST stage: part of the bucket's name. */
  readonly stage: string;
}

/**
 * The bucket's name, fixed from stage, account and region: the CDN's CSP must name the bucket's origin while
 * the bucket's CORS rule names the CDN's domain, and a name known without the bucket resource breaks that cycle.
 */
export function uploadsBucketName(stage: string): string {
  const safe = stage
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 12);
  return `yuhu-${safe}-uploads-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/** The https origin browsers POST photos to and load them from (S3's regional virtual-hosted endpoint). */
export function uploadsOrigin(stage: string): string {
  return `https://${uploadsBucketName(stage)}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
}

/** Objects under this prefix are unconfirmed uploads and expire after a day. */
export const TMP_PREFIX = 'tmp/';

/** Private, SSL-only, S3-encrypted bucket with a lifecycle for abandoned uploads. */
export function createUploadsBucket(scope: Construct, props: UploadsProps): s3.Bucket {
  return new s3.Bucket(scope, 'Uploads', {
    bucketName: uploadsBucketName(props.stage),
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [
      { id: 'expire-tmp', prefix: TMP_PREFIX, expiration: Duration.days(1) },
      { id: 'abort-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
    removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    // Non-production stages empty the bucket on `sst remove` so the stack can be torn down.
    autoDeleteObjects: !props.production,
  });
}

/**
 * Lets pages served from `origins` POST straight to the bucket. Added after the CDN exists because
 * the app origin is the CloudFront domain.
 */
export function allowBrowserUploads(bucket: s3.Bucket, origins: string[]): void {
  bucket.addCorsRule({
    allowedMethods: [s3.HttpMethods.POST],
    allowedOrigins: origins,
    allowedHeaders: ['*'],
    exposedHeaders: ['ETag', 'Location'],
    maxAge: 3600,
  });
}
