import type { AuditEntry } from '@parcours/domain/audit';
import type { Entity } from './entities.ts';
import { put, queryPage } from './gateway.ts';
import { keys } from './keys.ts';

/** Audit entries are kept 3 years (documented in docs/data-protection.md), then expire through DynamoDB TTL. */
export const AUDIT_RETENTION_SECONDS = 3 * 365 * 24 * 3600;

/** One audit entry (`audit#<yyyy-mm>` / `<at>#<stream sequence number>`). */
interface AuditEntryItem {
  pk: string;
  sk: string;
  entity: Extract<Entity, 'audit-entry'>;
  /** The audited item's `entity` (`entity` itself says what this item is). */
  auditedEntity: string;
  at: string;
  actor: string;
  entityId: string;
  action: AuditEntry['action'];
  changed: string[];
  expiresAt: number;
}

export async function putAuditEntry(entry: AuditEntry, sequenceNumber: string): Promise<void> {
  const item: AuditEntryItem = {
    ...keys.audit.entry(entry.at, sequenceNumber),
    entity: 'audit-entry',
    auditedEntity: entry.entity,
    at: entry.at,
    actor: entry.actor,
    entityId: entry.entityId,
    action: entry.action,
    changed: entry.changed,
    expiresAt: Math.floor(new Date(entry.at).getTime() / 1000) + AUDIT_RETENTION_SECONDS,
  };
  await put({ Item: item });
}

export async function listAuditEntries(
  month: string,
  limit: number,
  cursor?: string,
): Promise<{ items: AuditEntry[]; nextCursor?: string }> {
  const page = await queryPage<AuditEntryItem>({
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
  });
  const items = page.items.map((i) => ({
    at: String(i.at),
    actor: String(i.actor),
    entity: String(i.auditedEntity),
    entityId: String(i.entityId),
    action: i.action,
    changed: i.changed ?? [],
  }));
  const last = page.lastKey?.['sk'];
  return { items, ...(last ? { nextCursor: Buffer.from(String(last)).toString('base64url') } : {}) };
}
