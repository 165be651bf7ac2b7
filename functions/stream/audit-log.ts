import { auditEntryFor } from '@parcours/domain/audit';
import { nowIso } from '@parcours/domain/clock';
import { putAuditEntry } from '@parcours/store/audit-repo';
import { AUDITED_ENTITIES } from '@parcours/store/entities';
import type { Projection } from './projection.ts';

/**
 * Every change of an administrative entity (`audited` in the store's entity registry: session changes, LRS
 * credentials, trainer sign-offs and registry changes, lab overrides, erasures) becomes an audit entry. Learner
 * activity (enrolments, attendance) is not "administrative" and has its own history in xAPI.
 */
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
