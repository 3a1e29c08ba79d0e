// CloudWatch alarms for the things that page someone: Lambda errors and throttles, DynamoDB
// throttling and API 5xx. All notify one SNS topic; an e-mail subscription is optional.
import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface AlarmsProps {
  readonly fn: lambda.IFunction;
  readonly table: dynamodb.Table;
  readonly api: apigwv2.IHttpApi;
  /** Address that receives alarm notifications (confirm the SNS e-mail once). */
  readonly email?: string;
}

const period = Duration.minutes(5);

// ThrottledRequests counts a request once even when a GSI caused it. It is only published when a
// throttle happens, so each series is filled with 0 before summing ("a + b" would be empty
// whenever one operation had no data). An alarm may use at most 10 metrics: the ones the app calls.
const THROTTLE_OPERATIONS = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.BATCH_GET_ITEM,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.SCAN,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
  dynamodb.Operation.BATCH_WRITE_ITEM,
  dynamodb.Operation.TRANSACT_WRITE_ITEMS,
  dynamodb.Operation.TRANSACT_GET_ITEMS,
];

function dynamoThrottles(table: dynamodb.Table): cloudwatch.IMetric {
  const usingMetrics = Object.fromEntries(
    THROTTLE_OPERATIONS.map((op) => [
      op.toLowerCase(),
      table.metricThrottledRequestsForOperation(op, { period }),
    ]),
  );
  return new cloudwatch.MathExpression({
    expression: 'SUM(FILL(METRICS(), 0))',
    usingMetrics,
    period,
    label: 'DynamoDB throttled requests',
  });
}

/** One alarm per signal, each firing on a single event in five minutes. */
export function createAlarms(scope: Construct, props: AlarmsProps) {
  const topic = new sns.Topic(scope, 'AlarmTopic');
  if (props.email) topic.addSubscription(new subscriptions.EmailSubscription(props.email));
  const signals: Record<string, cloudwatch.IMetric> = {
    LambdaErrors: props.fn.metricErrors({ period, statistic: 'Sum' }),
    LambdaThrottles: props.fn.metricThrottles({ period, statistic: 'Sum' }),
    DynamoThrottles: dynamoThrottles(props.table),
    Api5xx: props.api.metricServerError({ period, statistic: 'Sum' }),
  };
  const alarms = Object.entries(signals).map(([id, metric]) => {
    const alarm = new cloudwatch.Alarm(scope, `${id}Alarm`, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(topic));
    return alarm;
  });
  return { topic, alarms };
}
