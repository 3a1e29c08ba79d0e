// The private uploads bucket (incident photos). Browsers upload with a presigned POST that the API
// signs; the policy it signs carries the `content-length-range` condition, so the size limit is
// enforced by S3 itself, not by the client.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface UploadsProps {
  readonly production: boolean;
}

/** Objects under this prefix are unconfirmed uploads and expire after a day. */
export const TMP_PREFIX = 'tmp/';

/** Private, SSL-only, S3-encrypted bucket with a lifecycle for abandoned uploads. */
export function createUploadsBucket(scope: Construct, props: UploadsProps): s3.Bucket {
  return new s3.Bucket(scope, 'Uploads', {
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
