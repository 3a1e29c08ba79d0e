// The synthesized CloudFormation: what `sst deploy` would create, checked offline. Expectations are
// derived from the shared table schema and from the security rules in the issue, not copied from
// the template.
import * as fs from 'node:fs';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyAttributes, TABLE_SCHEMA } from '../../core/store/table-schema';
import { arrayOf, fakeWebDist, getAtt, only, type Resource, ref, synthesize } from './template';

// Managed CloudFront policy ids (documented by AWS, stable across accounts).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

let prod: Template;
let dev: Template;
let webDist: string;

beforeAll(() => {
  webDist = fakeWebDist();
  prod = synthesize({ stage: 'production', webDistDir: webDist, alarmEmail: 'ops@example.org' });
  dev = synthesize({ stage: 'dev', environment: { AUTH_JWKS_URL: 'https://id.example.org/jwks.json' } });
});

afterAll(() => fs.rmSync(webDist, { recursive: true, force: true }));

const table = (t: Template) => only(t, 'AWS::DynamoDB::Table', 'Table');
const apiFunction = (t: Template) => only(t, 'AWS::Lambda::Function', 'ApiFunction');
const uploads = (t: Template) => only(t, 'AWS::S3::Bucket', 'Uploads');
const distribution = (t: Template) => only(t, 'AWS::CloudFront::Distribution', 'Distribution').resource;

describe('DynamoDB table', () => {
  it('has exactly the keys, attributes and GSIs of TABLE_SCHEMA', () => {
    const key = (hash: string, range: string) => [
      { AttributeName: hash, KeyType: 'HASH' },
      { AttributeName: range, KeyType: 'RANGE' },
    ];
    const props = table(prod).resource.Properties;
    expect(props.KeySchema).toEqual(key(TABLE_SCHEMA.partitionKey, TABLE_SCHEMA.sortKey));
    expect(props.AttributeDefinitions).toEqual(
      keyAttributes().map((name) => ({ AttributeName: name, AttributeType: TABLE_SCHEMA.attributeType })),
    );
    expect(props.GlobalSecondaryIndexes).toEqual(
      TABLE_SCHEMA.globalIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: key(index.partitionKey, index.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('is on-demand with point-in-time recovery and TTL on the schema attribute', () => {
    for (const t of [prod, dev]) {
      const props = table(t).resource.Properties;
      expect(props.BillingMode).toBe('PAY_PER_REQUEST');
      expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(props.TimeToLiveSpecification).toEqual({
        AttributeName: TABLE_SCHEMA.ttlAttribute,
        Enabled: true,
      });
    }
  });

  it('is deletion protected and retained in production only', () => {
    expect(table(prod).resource.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table(prod).resource.DeletionPolicy).toBe('Retain');
    expect(table(dev).resource.Properties.DeletionProtectionEnabled).toBe(false);
    expect(table(dev).resource.DeletionPolicy).toBe('Delete');
  });
});

describe('Lambda function', () => {
  it('runs Node.js 22 on arm64 with the agreed memory and timeout', () => {
    const props = apiFunction(prod).resource.Properties;
    expect(props.Runtime).toBe('nodejs22.x');
    expect(props.Architectures).toEqual(['arm64']);
    expect(props.MemorySize).toBe(1024);
    expect(props.Timeout).toBe(29); // under API Gateway's 30 s; a publish needs more than the old 10 s
    expect(props.Handler).toBe('index.handler');
  });

  it('gets the table, the uploads bucket and the stage through its environment', () => {
    const vars = (t: Template) => apiFunction(t).resource.Properties.Environment.Variables;
    expect(vars(prod)).toMatchObject({
      TABLE_NAME: ref(table(prod).id),
      UPLOADS_BUCKET: ref(uploads(prod).id),
      APP_ENV: 'production',
      NODE_OPTIONS: '--enable-source-maps',
    });
    expect(vars(dev).APP_ENV).toBe('staging');
    expect(vars(dev).AUTH_JWKS_URL).toBe('https://id.example.org/jwks.json');
  });

  it('does not let extra configuration override the wiring', () => {
    const t = synthesize({
      stage: 'dev',
      environment: { TABLE_NAME: 'someone-elses-table', APP_ENV: 'production' },
    });
    const vars = apiFunction(t).resource.Properties.Environment.Variables;
    expect(vars.TABLE_NAME).toEqual(ref(table(t).id));
    expect(vars.APP_ENV).toBe('staging');
  });

  it('logs to its own log group with a retention period', () => {
    const props = apiFunction(prod).resource.Properties;
    const logGroupId = props.LoggingConfig.LogGroup.Ref as string;
    expect(prod.toJSON().Resources[logGroupId].Properties.RetentionInDays).toBe(30);
  });
});

describe('IAM: the function may touch only its table, the uploads bucket and its log group', () => {
  function roleStatements(t: Template) {
    const roleId = apiFunction(t).resource.Properties.Role['Fn::GetAtt'][0] as string;
    const role = t.toJSON().Resources[roleId] as Resource;
    expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
    expect(role.Properties.Policies ?? []).toEqual([]);
    const policies = Object.values(t.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(JSON.stringify(ref(roleId))),
    );
    return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Resource[]);
  }

  it('lists no resource outside the table, its indexes, the bucket objects and the log group', () => {
    const tableId = table(prod).id;
    const bucketId = uploads(prod).id;
    const logGroupId = apiFunction(prod).resource.Properties.LoggingConfig.LogGroup.Ref as string;
    const allowed = [
      getAtt(tableId),
      { 'Fn::Join': ['', [getAtt(tableId), '/index/*']] },
      { 'Fn::Join': ['', [getAtt(bucketId), '/*']] },
      { 'Fn::Join': ['', [getAtt(bucketId), '/tmp/*']] },
      getAtt(logGroupId),
    ].map((r) => JSON.stringify(r));
    const statements = roleStatements(prod);
    expect(statements.length).toBeGreaterThanOrEqual(3);
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      for (const resource of arrayOf(statement.Resource)) {
        expect(allowed, `statement ${JSON.stringify(statement.Action)}`).toContain(JSON.stringify(resource));
      }
    }
  });

  it('can read and write items in the table and its indexes, and put/get upload objects', () => {
    const statements = roleStatements(prod);
    const grants = (action: string) =>
      statements.filter((s) => arrayOf(s.Action).includes(action)).flatMap((s) => arrayOf(s.Resource));
    const tableId = table(prod).id;
    for (const action of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'dynamodb:GetItem']) {
      expect(grants(action)).toContainEqual(getAtt(tableId));
    }
    expect(grants('dynamodb:Query')).toContainEqual({ 'Fn::Join': ['', [getAtt(tableId), '/index/*']] });
    const objects = { 'Fn::Join': ['', [getAtt(uploads(prod).id), '/*']] };
    expect(grants('s3:PutObject')).toEqual([objects]);
    expect(grants('s3:GetObject')).toEqual([objects]);
    expect(
      statements.flatMap((s) => arrayOf(s.Action)).filter((a) => /^s3:(List|PutBucket)/.test(a)),
    ).toEqual([]);
    // Deleting is allowed only for the raw uploads under tmp/ (the commit step removes them).
    expect(grants('s3:DeleteObject')).toEqual([{ 'Fn::Join': ['', [getAtt(uploads(prod).id), '/tmp/*']] }]);
  });

  it('runs the notifier every minute on the same function', () => {
    const rules = Object.values(prod.findResources('AWS::Events::Rule'));
    expect(rules).toHaveLength(1);
    expect(rules[0].Properties.ScheduleExpression).toBe('rate(1 minute)');
    expect(JSON.stringify(rules[0].Properties.Targets[0].Arn)).toContain(apiFunction(prod).id);
  });
});

describe('HTTP API', () => {
  it('routes exactly /api/* and /open311/* to the function', () => {
    const routes = Object.values(prod.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual([
      'ANY /api/{proxy+}',
      'ANY /open311/{proxy+}',
    ]);
    const integrations = Object.values(prod.findResources('AWS::ApiGatewayV2::Integration'));
    expect(integrations).toHaveLength(1);
    expect(integrations[0].Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: getAtt(apiFunction(prod).id),
    });
  });

  it('writes a JSON access log and throttles the default stage', () => {
    const stage = only(prod, 'AWS::ApiGatewayV2::Stage', 'HttpApiDefaultStage').resource.Properties;
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    const accessLogs = only(prod, 'AWS::Logs::LogGroup', 'HttpApiAccessLogs');
    expect(stage.AccessLogSettings.DestinationArn).toEqual(getAtt(accessLogs.id));
    expect(accessLogs.resource.Properties.RetentionInDays).toBe(30);
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      method: '$context.httpMethod',
      path: '$context.path',
      status: '$context.status',
      latency: '$context.responseLatency',
    });
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
  });
});

describe('CloudFront', () => {
  function origin(id: string) {
    return distribution(prod).Properties.DistributionConfig.Origins.find((o: Resource) => o.Id === id);
  }

  it('serves the site bucket through origin access control, never publicly', () => {
    const config = distribution(prod).Properties.DistributionConfig;
    const site = only(prod, 'AWS::S3::Bucket', 'SiteBucket');
    const s3Origin = origin(config.DefaultCacheBehavior.TargetOriginId);
    expect(s3Origin.DomainName).toEqual(getAtt(site.id, 'RegionalDomainName'));
    expect(s3Origin.OriginAccessControlId).toEqual(
      getAtt(only(prod, 'AWS::CloudFront::OriginAccessControl', 'Distribution').id, 'Id'),
    );
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(site.resource.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    prod.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(site.id),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('sends /api/* and /open311/* to the HTTP API, uncached, with the headers it reads and the viewer address, never Host', () => {
    const config = distribution(prod).Properties.DistributionConfig;
    const behaviours = config.CacheBehaviors as Resource[];
    // Order matters: CloudFront takes the first match, so /api/tiles/* must precede /api/*.
    expect(behaviours.map((b) => b.PathPattern)).toEqual(['/api/tiles/*', '/api/*', '/open311/*']);
    const apiId = only(prod, 'AWS::ApiGatewayV2::Api', 'HttpApi').id;
    const originRequest = only(prod, 'AWS::CloudFront::OriginRequestPolicy', 'ApiOriginRequest');
    const headers = originRequest.resource.Properties.OriginRequestPolicyConfig.HeadersConfig;
    expect(headers.HeaderBehavior).toBe('whitelist');
    expect(headers.Headers).toContain('CloudFront-Viewer-Address');
    expect(headers.Headers).toContain('Idempotency-Key');
    expect(headers.Headers.map((h: string) => h.toLowerCase())).not.toContain('host');
    for (const behaviour of behaviours) {
      expect(JSON.stringify(origin(behaviour.TargetOriginId).DomainName)).toContain(
        JSON.stringify(getAtt(apiId, 'ApiEndpoint')),
      );
      expect(origin(behaviour.TargetOriginId).CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
      expect(behaviour.OriginRequestPolicyId).toEqual(ref(originRequest.id));
      expect(behaviour.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']));
      expect(behaviour.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behaviour.FunctionAssociations).toBeUndefined();
    }
    expect(behaviours[1].CachePolicyId).toBe(CACHING_DISABLED);
    expect(behaviours[2].CachePolicyId).toBe(CACHING_DISABLED);
  });

  it('caches tiles only as the API says, keyed by Authorization and query string', () => {
    const tiles = only(prod, 'AWS::CloudFront::CachePolicy', 'TilesCache');
    const behaviour = distribution(prod).Properties.DistributionConfig.CacheBehaviors[0];
    expect(behaviour.CachePolicyId).toEqual(ref(tiles.id));
    const config = tiles.resource.Properties.CachePolicyConfig;
    expect(config.DefaultTTL).toBe(0);
    expect(config.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.Headers).toEqual(['Authorization']);
    expect(config.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig.QueryStringBehavior).toBe(
      'all',
    );
  });

  it('sends a CSP that lets photos go to and come from the uploads bucket only (connect-src, img-src)', () => {
    const policy = only(prod, 'AWS::CloudFront::ResponseHeadersPolicy', 'SecurityHeaders').resource.Properties
      .ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy;
    expect(policy.Override).toBe(true);
    // The bucket's name is fixed from stage, account and region (known without the bucket resource, which
    // names the CDN in its CORS rule); CloudFormation joins the pseudo parameters into the header.
    const name = uploads(prod).resource.Properties.BucketName as { 'Fn::Join': [string, unknown[]] };
    const pseudo = (p: unknown) =>
      typeof p === 'string'
        ? p
        : ((
            {
              'AWS::AccountId': 'ACCOUNT',
              'AWS::Region': 'REGION',
              'AWS::URLSuffix': 'amazonaws.com',
            } as Record<string, string>
          )[(p as { Ref: string }).Ref] ?? '<other>');
    const bucketName = name['Fn::Join'][1].map(pseudo).join('');
    expect(bucketName).toBe('yuhu-production-uploads-ACCOUNT-REGION');
    const [, parts] = policy.ContentSecurityPolicy['Fn::Join'] as [string, unknown[]];
    const csp = parts.map(pseudo).join('').replaceAll(`${bucketName}.s3.REGION.amazonaws.com`, 'UPLOADS');
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive('connect-src')).toBe("connect-src 'self' https://UPLOADS");
    expect(directive('img-src')).toBe("img-src 'self' data: blob: https://UPLOADS");
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('<other>');
    expect(csp.match(/UPLOADS/g)).toHaveLength(2);
  });

  it('falls back to index.html for app routes without swallowing API errors', () => {
    const config = distribution(prod).Properties.DistributionConfig;
    // Custom error responses would turn an API 404 into index.html: there must be none.
    expect(config.CustomErrorResponses).toBeUndefined();
    const fnResource = only(prod, 'AWS::CloudFront::Function', 'SpaRewrite');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: getAtt(fnResource.id, 'FunctionARN') },
    ]);
    // Run the deployed function code against sample requests.
    const handler = new Function(`${fnResource.resource.Properties.FunctionCode}; return handler;`)();
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/blocks/430302001001-03')).toBe('/index.html');
    expect(rewrite('/incidents/new')).toBe('/index.html');
    expect(rewrite('/assets/index-3f2a.js')).toBe('/assets/index-3f2a.js');
    expect(rewrite('/favicon.ico')).toBe('/favicon.ico');
  });

  it('uploads web/dist and invalidates the CDN only when the app is built', () => {
    prod.resourceCountIs('Custom::CDKBucketDeployment', 1);
    prod.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: ref(only(prod, 'AWS::S3::Bucket', 'SiteBucket').id),
      DistributionId: ref(only(prod, 'AWS::CloudFront::Distribution', 'Distribution').id),
      DistributionPaths: ['/*'],
      // A stale cached index.html would point at assets of the previous build.
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    dev.resourceCountIs('Custom::CDKBucketDeployment', 0);
  });
});

describe('uploads bucket', () => {
  it('is private, SSL-only and encrypted', () => {
    const bucket = uploads(prod);
    expect(bucket.resource.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.resource.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
    ]);
    prod.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(bucket.id),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('accepts browser POSTs from the CloudFront origin only', () => {
    const cors = uploads(prod).resource.Properties.CorsConfiguration.CorsRules;
    expect(cors).toHaveLength(1);
    expect(cors[0].AllowedMethods).toEqual(['POST']);
    const distributionId = only(prod, 'AWS::CloudFront::Distribution', 'Distribution').id;
    expect(cors[0].AllowedOrigins).toEqual([
      { 'Fn::Join': ['', ['https://', getAtt(distributionId, 'DomainName')]] },
    ]);
  });

  it('expires tmp/ uploads and aborts incomplete multipart uploads after a day', () => {
    const rules = uploads(prod).resource.Properties.LifecycleConfiguration.Rules;
    expect(rules).toContainEqual(
      expect.objectContaining({ Prefix: 'tmp/', ExpirationInDays: 1, Status: 'Enabled' }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        Status: 'Enabled',
      }),
    );
    // Only tmp/ expires: confirmed photos are evidence and must stay.
    expect(rules.filter((r: Resource) => r.ExpirationInDays !== undefined && r.Prefix !== 'tmp/')).toEqual(
      [],
    );
  });

  it('is retained in production and emptied on removal elsewhere', () => {
    expect(uploads(prod).resource.DeletionPolicy).toBe('Retain');
    prod.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
    expect(uploads(dev).resource.DeletionPolicy).toBe('Delete');
    dev.hasResourceProperties('Custom::S3AutoDeleteObjects', { BucketName: ref(uploads(dev).id) });
  });
});

describe('alarms', () => {
  const alarms = (t: Template) => Object.values(t.findResources('AWS::CloudWatch::Alarm')) as Resource[];

  it('fire on one Lambda error or throttle in five minutes', () => {
    const fnRef = ref(apiFunction(prod).id);
    for (const metric of ['Errors', 'Throttles']) {
      prod.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: metric,
        Dimensions: [{ Name: 'FunctionName', Value: fnRef }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it('fire on DynamoDB throttling of this table, counting operations with no data as 0', () => {
    const alarm = alarms(prod).find((a) => a.Properties.Metrics)!;
    const [expression, ...metrics] = alarm.Properties.Metrics as Resource[];
    expect(expression).toMatchObject({ Expression: 'SUM(FILL(METRICS(), 0))', ReturnData: true });
    expect(metrics.length).toBeGreaterThanOrEqual(5);
    expect(metrics.length).toBeLessThanOrEqual(10); // CloudWatch's hard limit per alarm
    for (const metric of metrics) {
      expect(metric.MetricStat.Metric.MetricName).toBe('ThrottledRequests');
      expect(metric.MetricStat.Metric.Dimensions).toContainEqual({
        Name: 'TableName',
        Value: ref(table(prod).id),
      });
    }
    const operations = metrics.map(
      (m) => m.MetricStat.Metric.Dimensions.find((d: Resource) => d.Name === 'Operation').Value,
    );
    expect(operations).toEqual(
      expect.arrayContaining(['Query', 'PutItem', 'UpdateItem', 'TransactWriteItems']),
    );
    expect(alarm.Properties.Threshold).toBe(1);
  });

  it('fire on API 5xx, and every alarm notifies the topic the e-mail subscribes to', () => {
    prod.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/ApiGateway', MetricName: '5xx' });
    const topicId = only(prod, 'AWS::SNS::Topic', 'AlarmTopic').id;
    expect(alarms(prod)).toHaveLength(4);
    for (const alarm of alarms(prod)) expect(alarm.Properties.AlarmActions).toEqual([ref(topicId)]);
    prod.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: ref(topicId),
    });
    dev.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
