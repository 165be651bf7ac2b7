import { auditEntryFor } from '@parcours/domain/audit';
import { nowIso } from '@parcours/domain/clock';
import { putAuditEntry } from '@parcours/store/audit-repo';
import { AUDITED_ENTITIES } from '@parcours/store/entities';
import { erasureSubjectHash } from '@parcours/store/erasure-repo';
import type { ChangeRecord, Projection } from './projection.ts';

/**
 * A person's record: what the lab decides (roles, HR services, service) is administrative — whoever decides it, a lab
 * member changing their own roles included; a person's own first sign-in and the identity their provider refreshes
 * are not. The person is named by a hash of their id (the subject hash of erasure records), not by the id itself.
 */
const DECIDED = ['roles', 'hrServices', 'service', 'serviceSource'];

async function auditPerson(change: ChangeRecord): Promise<void> {
  const img = (change.newImage ?? change.oldImage ?? {}) as Record<string, unknown>;
  const userId = String(img['userId'] ?? '');
  if (change.eventName === 'INSERT' && img['updatedBy'] === userId) return;
  const named = (i: Record<string, unknown> | undefined) =>
    i ? { ...i, id: erasureSubjectHash(userId) } : undefined;
  const newImage = named(change.newImage);
  const oldImage = named(change.oldImage);
  const entry = auditEntryFor({
    eventName: change.eventName,
    entity: change.entity,
    ...(newImage ? { newImage } : {}),
    ...(oldImage ? { oldImage } : {}),
    approximateTime: nowIso(),
  });
  if (!entry) return;
  entry.changed = entry.changed.filter((f) => DECIDED.includes(f));
  if (change.eventName === 'MODIFY' && entry.changed.length === 0) return;
  // A service the mapping moved at their sign-in: not the person's decision (their roles would be: a lab member's).
  if (entry.actor === userId && !entry.changed.some((f) => f === 'roles' || f === 'hrServices'))
    entry.actor = 'sign-in';
  await putAuditEntry(entry, change.sequenceNumber);
}

/**
 * Every change of an administrative entity (`audited` in the store's entity registry: session changes, LRS
 * credentials, trainer sign-offs and registry changes, lab overrides, erasures) becomes an audit entry. Learner
 * activity (enrolments, attendance) is not "administrative" and has its own history in xAPI.
 */
export const auditLog: Projection = {
  name: 'audit-log',
  entities: AUDITED_ENTITIES,
  async apply(change) {
    if (change.entity === 'person') return auditPerson(change);
    const entry = auditEntryFor({
      eventName: change.eventName,
      entity: change.entity,
      ...(change.newImage ? { newImage: change.newImage } : {}),
      ...(change.oldImage ? { oldImage: change.oldImage } : {}),
      approximateTime: nowIso(),
    });
    if (entry) await putAuditEntry(entry, change.sequenceNumber);
  },
};
