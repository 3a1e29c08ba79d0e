// vitest global setup: one in-memory DynamoDB Local for the whole run, stopped at the end.
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../functions/local/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const store = await startDynamoLocal();
  project.provide('dynamoEndpoint', store.endpoint);
  return async () => {
    await store.stop();
  };
}
