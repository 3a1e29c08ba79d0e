// The single DynamoDB table, built from the one shared schema so CloudFormation and the local
// bootstrap can never drift.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA, type TableSchema } from '../core/store/table-schema';

export interface StorageProps {
  /** Production keeps the table on stack deletion and refuses DeleteTable. */
  readonly production: boolean;
  readonly schema?: TableSchema;
}

/** On-demand table with point-in-time recovery, TTL and every GSI projecting ALL attributes. */
export function createTable(scope: Construct, props: StorageProps): dynamodb.Table {
  const schema = props.schema ?? TABLE_SCHEMA;
  const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
  const table = new dynamodb.Table(scope, 'Table', {
    partitionKey: key(schema.partitionKey),
    sortKey: key(schema.sortKey),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: schema.ttlAttribute,
    deletionProtection: props.production,
    removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  for (const index of schema.globalIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: key(index.partitionKey),
      sortKey: key(index.sortKey),
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
  return table;
}
