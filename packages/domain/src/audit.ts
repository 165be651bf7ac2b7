import { canonicalJson } from './canonical-json.ts';

/**
 * The audit log of administrative actions, derived from the table's stream (so no write path can forget to log).
 * Pure: turns an item change into an audit entry. Values are not copied, only the names of changed attributes,
 * so the log never becomes a second copy of personal data (and survives erasure unchanged).
 */
export interface AuditEntry {
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: 'created' | 'updated' | 'deleted' | 'cancelled' | 'revoked' | 'signed-off';
  changed: string[];
}

/** Counters and bookkeeping that change on every enrolment: not administrative actions. */
const NOISE = new Set([
  'enrolledCount',
  'waitlistLength',
  'updatedAt',
  'version',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'lastUsedAt',
  // A catalogue item's "first scheduled" marker, set by the sessions it serves.
  'usedAt',
]);

/** Catalogue items keep their content under `data`: the log names the fields that changed (`data.title`). */
function changedNames(before: Image, after: Image): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: string[] = [];
  for (const k of keys) {
    if (NOISE.has(k) || canonicalJson(before[k]) === canonicalJson(after[k])) continue;
    const b = before[k];
    const a = after[k];
    if (k === 'data' && isImage(b) && isImage(a)) out.push(...changedNames(b, a).map((f) => `data.${f}`));
    else out.push(k);
  }
  return out.sort();
}

function isImage(v: unknown): v is Image {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Image = Record<string, unknown>;

export function auditEntryFor(change: {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  entity: string;
  newImage?: Image;
  oldImage?: Image;
  approximateTime: string;
}): AuditEntry | undefined {
  const img = change.newImage ?? change.oldImage ?? {};
  const entityId = String(img['id'] ?? img['clientId'] ?? img['sk'] ?? '');
  const actor = String(
    img['updatedBy'] ?? img['createdBy'] ?? img['revokedBy'] ?? img['signedOffBy'] ?? 'system',
  );
  const at = String(img['updatedAt'] ?? img['createdAt'] ?? change.approximateTime);
  if (change.eventName === 'INSERT') {
    const action = change.entity.includes('sign-off') ? 'signed-off' : 'created';
    return { at, actor, entity: change.entity, entityId, action, changed: [] };
  }
  if (change.eventName === 'REMOVE')
    return {
      at: change.approximateTime,
      actor: 'system',
      entity: change.entity,
      entityId,
      action: 'deleted',
      changed: [],
    };
  const before = change.oldImage ?? {};
  const after = change.newImage ?? {};
  const changed = changedNames(before, after);
  if (changed.length === 0) return undefined;
  const action =
    after['status'] === 'cancelled' && before['status'] !== 'cancelled'
      ? 'cancelled'
      : after['revokedAt'] && !before['revokedAt']
        ? 'revoked'
        : 'updated';
  return { at, actor, entity: change.entity, entityId, action, changed };
}
