/**
 * The bench's yardstick (`npm run bench`): the least a function touching the table can load — a DynamoDB document
 * client and one call. Built with the same esbuild options as the functions, once with the SDK's defaults and once
 * with the environment's credentials the functions use.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { id: string }) =>
  client.send(new GetCommand({ TableName: process.env['TABLE_NAME'], Key: { pk: event.id, sk: event.id } }));
