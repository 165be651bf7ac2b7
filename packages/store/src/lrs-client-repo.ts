import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';

/**
 * LRS client credentials (HTTP Basic key + secret for xAPI clients). Only a slow hash of the secret is stored; the
 * item is read on every LRS request, so a revocation or a rotation takes effect on the next request.
 */
export interface LrsClientItem {
  pk: string;
  sk: 'client';
  entity: 'lrs-client';
  /** The public key (HTTP Basic user name). */
  key: string;
  /** Same as `key`: the id the audit log names the credential by. */
  clientId: string;
  name: string;
  scopes: string[];
  /** `scrypt$N$r$p$<salt b64>$<hash b64>`. */
  secretHash: string;
  createdAt: string;
  createdBy: string;
  /** Who made the last change (create, rotate, revoke): the audit log's actor. */
  updatedBy: string;
  /** Not `expiresAt`: that name is the table's TTL attribute, which would delete the record (and its audit trail). */
  validUntil?: string;
  rotatedAt?: string;
  revokedAt?: string;
  revokedBy?: string;
  gsi1pk: string;
  gsi1sk: string;
}

export async function putLrsClient(item: LrsClientItem): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}

export async function getLrsClient(key: string): Promise<LrsClientItem | undefined> {
  const r = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.lrsClient.item(key), ConsistentRead: true }),
  );
  return r.Item as LrsClientItem | undefined;
}

export async function listLrsClients(): Promise<LrsClientItem[]> {
  const out: LrsClientItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.lrsClient.listPartition },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((res.Items ?? []) as LrsClientItem[]));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Replaces the secret hash (rotation); refused once revoked. */
export async function rotateLrsClientSecret(
  key: string,
  secretHash: string,
  by: string,
  now: string,
): Promise<LrsClientItem | undefined> {
  try {
    const r = await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.lrsClient.item(key),
        UpdateExpression: 'SET secretHash = :h, rotatedAt = :now, updatedBy = :by',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':h': secretHash, ':now': now, ':by': by },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return r.Attributes as LrsClientItem;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return undefined;
    throw e;
  }
}

/** Revokes a credential (idempotent: the first revocation's time and author are kept). */
export async function revokeLrsClient(
  key: string,
  by: string,
  now: string,
): Promise<LrsClientItem | undefined> {
  try {
    const r = await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.lrsClient.item(key),
        UpdateExpression:
          'SET revokedAt = if_not_exists(revokedAt, :now), revokedBy = if_not_exists(revokedBy, :by), updatedBy = :by',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': now, ':by': by },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return r.Attributes as LrsClientItem;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return undefined;
    throw e;
  }
}
