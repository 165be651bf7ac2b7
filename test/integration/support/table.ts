import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { LOCAL_REGION, localCredentials } from '../../../packages/local/src/local-env.ts';

let doc: DynamoDBDocumentClient | undefined;

/** Direct table access for assertions only (re-reading counters); tests build data through the API. */
export function tableClient(): DynamoDBDocumentClient {
  doc ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: LOCAL_REGION,
      endpoint: inject('dynamoEndpoint'),
      credentials: localCredentials(),
    }),
  );
  return doc;
}
