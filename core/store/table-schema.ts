// The one definition of the single DynamoDB table: keys, GSIs and TTL. Pure data, shared by
// stacks/ (CloudFormation) and the local bootstrap (CreateTable), so the two can never drift.

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableSchema {
  readonly partitionKey: string;
  readonly sortKey: string;
  /** All key attributes are strings: the single-table design overloads them per item type. */
  readonly attributeType: 'S';
  readonly globalIndexes: readonly IndexDefinition[];
  readonly ttlAttribute: string;
  /** Bumped when a migration must run against an existing table (see functions/store/migrations.ts). */
  readonly schemaVersion: number;
}

/**
 * Single-table layout. Access patterns and which item types use which index are documented in
 * docs/data-model.md. GSIs are generic (gsi1..gsi3) so new item types reuse them.
 */
export const TABLE_SCHEMA: TableSchema = {
  partitionKey: 'pk',
  sortKey: 'sk',
  attributeType: 'S',
  globalIndexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
  ttlAttribute: 'expires_at',
  schemaVersion: 1,
};

/** Every attribute that appears in a key of the table or an index, for AttributeDefinitions. */
export function keyAttributes(schema: TableSchema = TABLE_SCHEMA): string[] {
  const names = [schema.partitionKey, schema.sortKey];
  for (const index of schema.globalIndexes) names.push(index.partitionKey, index.sortKey);
  return [...new Set(names)];
}
