import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { documentClient, tableName } from '@parcours/store';
import { api } from '../lib/api.ts';

export const handler = api('health-get', async () => {
  let table: 'ok' | 'unreachable' = 'ok';
  try {
    await documentClient().send(new DescribeTableCommand({ TableName: tableName() }));
  } catch {
    table = 'unreachable';
  }
  return {
    status: table === 'ok' ? 200 : 503,
    body: { status: 'ok', time: new Date().toISOString(), table },
  };
});
