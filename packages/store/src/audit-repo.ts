import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '@parcours/domain/audit';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';

/** Audit entries are kept 3 years (documented in docs/data-protection.md), then expire through DynamoDB TTL. */
export const AUDIT_RETENTION_SECONDS = 3 * 365 * 24 * 3600;

export async function putAuditEntry(entry: AuditEntry, sequenceNumber: string): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.audit.entry(entry.at, sequenceNumber),
        entity: 'audit-entry',
        auditedEntity: entry.entity,
        at: entry.at,
        actor: entry.actor,
        entityId: entry.entityId,
        action: entry.action,
        changed: entry.changed,
        expiresAt: Math.floor(new Date(entry.at).getTime() / 1000) + AUDIT_RETENTION_SECONDS,
      },
    }),
  );
}

export async function listAuditEntries(
  month: string,
  limit: number,
  cursor?: string,
): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
  const r = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.audit.monthPk(month) },
      ScanIndexForward: false,
      Limit: limit,
      ...(cursor
        ? {
            ExclusiveStartKey: {
              pk: keys.audit.monthPk(month),
              sk: Buffer.from(cursor, 'base64url').toString('utf8'),
            },
          }
        : {}),
    }),
  );
  const items = (r.Items ?? []).map((i) => ({
    at: String(i['at']),
    actor: String(i['actor']),
    entity: String(i['auditedEntity']),
    entityId: String(i['entityId']),
    action: i['action'] as AuditEntry['action'],
    changed: (i['changed'] as string[]) ?? [],
  }));
  const last = r.LastEvaluatedKey?.['sk'];
  return { items, ...(last ? { nextCursor: Buffer.from(String(last)).toString('base64url') } : {}) };
}
