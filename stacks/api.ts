// The HTTP API in front of the Lambda: only /api/* and /open311/* are routed, with an access log
// and stage throttling.
import { Fn, type RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** Path prefixes served by the Lambda; the CDN routes the same prefixes to this API. */
export const API_PATH_PREFIXES = ['/api', '/open311'] as const;

export interface HttpApiProps {
  readonly handler: lambda.IFunction;
  readonly removalPolicy: RemovalPolicy;
  /** Steady requests per second and burst for the whole stage. */
  readonly throttle?: apigwv2.ThrottleSettings;
}

export interface HttpApiResources {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  /** `<id>.execute-api.<region>.amazonaws.com`, for the CloudFront origin. */
  readonly domainName: string;
}

/** HTTP API with `ANY <prefix>/{proxy+}` routes to the handler and a JSON access log. */
export function createHttpApi(scope: Construct, props: HttpApiProps): HttpApiResources {
  const api = new apigwv2.HttpApi(scope, 'HttpApi', { createDefaultStage: false });
  const integration = new HttpLambdaIntegration('Lambda', props.handler);
  for (const prefix of API_PATH_PREFIXES) {
    api.addRoutes({ path: `${prefix}/{proxy+}`, methods: [apigwv2.HttpMethod.ANY], integration });
  }
  const accessLogs = new logs.LogGroup(scope, 'HttpApiAccessLogs', {
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: props.removalPolicy,
  });
  const field = apigw.AccessLogField;
  const format = apigw.AccessLogFormat.custom(
    JSON.stringify({
      requestId: field.contextRequestId(),
      ip: field.contextIdentitySourceIp(),
      method: field.contextHttpMethod(),
      path: field.contextPath(),
      routeKey: '$context.routeKey',
      status: field.contextStatus(),
      latency: field.contextResponseLatency(),
      integrationError: '$context.integrationErrorMessage',
    }),
  );
  const stage = api.addStage('DefaultStage', {
    stageName: '$default',
    autoDeploy: true,
    throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
    accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(accessLogs), format },
  });
  return { api, stage, domainName: Fn.select(2, Fn.split('/', api.apiEndpoint)) };
}
