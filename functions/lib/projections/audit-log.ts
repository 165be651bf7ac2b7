import { auditEntryFor } from '@parcours/domain/audit';
import { nowIso } from '@parcours/domain/clock';
import { putAuditEntry } from '@parcours/store/audit-repo';
import type { Projection } from './projection.ts';

/**
 * Administrative entities whose every change is audited: session changes, LRS credentials, trainer sign-offs and
 * registry changes, lab overrides. Learner activity (enrolments, attendance) is not "administrative" and has its
 * own history in xAPI.
 */
export const AUDITED_ENTITIES = [
  'session',
  'lrs-client',
  'trainer',
  'trainer-sign-off',
  'sign-off',
  'staffing-override',
  'erasure',
] as const;

export const auditLog: Projection = {
  name: 'audit-log',
  entities: AUDITED_ENTITIES,
  async apply(change) {
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
