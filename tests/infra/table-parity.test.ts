// The cloud table (CDK template) and the local table (CreateTable at `npm start`) are the same table.
import { describe, expect, it } from 'vitest';
import { createTableInput } from '../../functions/store/table-admin.js';
import { synthesize } from './template.js';

const byName = <T extends { AttributeName?: string; IndexName?: string }>(xs: T[]) =>
  [...xs].sort((a, b) =>
    String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)),
  );

describe('table definition parity', () => {
  it('CloudFormation and the local bootstrap declare identical keys, attributes and indexes', () => {
    const template = synthesize({ stage: 'dev' });
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table')) as {
      Properties: Record<string, unknown>;
    }[];
    const local = createTableInput('ignored');
    const cloud = table.Properties as unknown as {
      KeySchema: unknown[];
      AttributeDefinitions: { AttributeName: string }[];
      GlobalSecondaryIndexes: { IndexName: string; KeySchema: unknown[]; Projection: unknown }[];
      BillingMode: string;
    };
    expect(cloud.KeySchema).toEqual(local.KeySchema);
    expect(byName(cloud.AttributeDefinitions)).toEqual(byName(local.AttributeDefinitions));
    expect(byName(cloud.GlobalSecondaryIndexes)).toEqual(byName(local.GlobalSecondaryIndexes));
    expect(cloud.BillingMode).toBe(local.BillingMode);
  });
});
