// The one Lambda function that serves the whole Hono app, with its own log group and a role that
// can reach only the table and the uploads bucket.
import * as path from 'node:path';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { AppEnv } from './stage';

export interface ApiFunctionProps {
  /** Folder holding package.json and package-lock.json; esbuild runs from here. */
  readonly rootDir: string;
  /** Handler module exporting `handler` (normally `<rootDir>/functions/lambda.ts`). */
  readonly entry: string;
  readonly table: dynamodb.ITable;
  readonly uploads: s3.IBucket;
  readonly appEnv: AppEnv;
  /** Extra configuration (AUTH_* etc.); cannot override the variables set below. */
  readonly environment?: Record<string, string>;
  readonly removalPolicy: RemovalPolicy;
}

/** Bundles the entry with the local esbuild (ESM, arm64, Node 22) and grants least privilege. */
export function createApiFunction(scope: Construct, props: ApiFunctionProps): nodejs.NodejsFunction {
  const logGroup = new logs.LogGroup(scope, 'ApiFunctionLogs', {
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: props.removalPolicy,
  });
  // Our own role instead of AWSLambdaBasicExecutionRole, whose logs:* actions apply to every log group.
  const role = new iam.Role(scope, 'ApiFunctionRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  logGroup.grantWrite(role);
  const fn = new nodejs.NodejsFunction(scope, 'ApiFunction', {
    entry: props.entry,
    handler: 'handler',
    projectRoot: props.rootDir,
    depsLockFilePath: path.join(props.rootDir, 'package-lock.json'),
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 1024,
    // API Gateway's HTTP API waits at most 30 s. Ordinary requests end far sooner (each store call is bounded
    // by STORE_TIMEOUT_MS); publishing a generation validates the whole coverage, writes the derived areas and
    // moves open work for up to 12 s, and a notifier round follows up publishes for up to 12 s.
    timeout: Duration.seconds(29),
    role,
    logGroup,
    environment: {
      ...props.environment,
      TABLE_NAME: props.table.tableName,
      UPLOADS_BUCKET: props.uploads.bucketName,
      APP_ENV: props.appEnv,
      // The API sits behind CloudFront, which forwards the viewer's address in this header.
      CLIENT_IP_HEADER: 'cloudfront-viewer-address',
      NODE_OPTIONS: '--enable-source-maps',
    },
    bundling: {
      format: nodejs.OutputFormat.ESM,
      target: 'node22',
      minify: true,
      sourceMap: true,
      // Everything is bundled, the AWS SDK included: the runtime's copy lacks the presigners and may
      // differ in version from the one the tests ran against.
      externalModules: [],
      // Bundled CommonJS dependencies may call require(); ESM output has none without this shim.
      banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  props.table.grantReadWriteData(fn);
  // Presigned POST and GET are signed with the function's credentials: objects only, no listing.
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObject', 's3:PutObject'],
      resources: [props.uploads.arnForObjects('*')],
    }),
  );
  // Commit moves a photo from tmp/ (as uploaded) to uploads/ (metadata stripped), deleting the original.
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:DeleteObject'],
      resources: [props.uploads.arnForObjects('tmp/*')],
    }),
  );
  // Every minute: deliver pending notifications and warn about SLAs about to lapse (same code path as locally).
  new events.Rule(scope, 'NotifierSchedule', {
    schedule: events.Schedule.rate(Duration.minutes(1)),
    targets: [new targets.LambdaFunction(fn)],
  });
  return fn;
}
