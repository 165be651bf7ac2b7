import { describe, expect, it } from 'vitest';
import { auditEntryFor } from '../../../packages/domain/src/audit.ts';

describe('audit entries from item changes', () => {
  it('records who created a session', () => {
    const e = auditEntryFor({
      eventName: 'INSERT',
      entity: 'session',
      newImage: { id: 's-1', createdBy: 'lea', createdAt: '2027-01-01T00:00:00Z' },
      approximateTime: 'x',
    });
    expect(e).toMatchObject({ actor: 'lea', action: 'created', entityId: 's-1' });
  });

  it('records the names of changed attributes, never their values, and ignores enrolment counters', () => {
    const e = auditEntryFor({
      eventName: 'MODIFY',
      entity: 'session',
      oldImage: { id: 's-1', start: 'a', enrolledCount: 1, updatedBy: 'lea' },
      newImage: { id: 's-1', start: 'b', enrolledCount: 2, updatedBy: 'lea' },
      approximateTime: 'x',
    });
    expect(e?.changed).toEqual(['start']);
    expect(JSON.stringify(e)).not.toContain('"b"');
    const counters = auditEntryFor({
      eventName: 'MODIFY',
      entity: 'session',
      oldImage: { id: 's', enrolledCount: 1 },
      newImage: { id: 's', enrolledCount: 2 },
      approximateTime: 'x',
    });
    expect(counters).toBeUndefined();
  });

  it('names cancellations and revocations', () => {
    expect(
      auditEntryFor({
        eventName: 'MODIFY',
        entity: 'session',
        oldImage: { id: 's', status: 'scheduled' },
        newImage: { id: 's', status: 'cancelled' },
        approximateTime: 'x',
      })?.action,
    ).toBe('cancelled');
    expect(
      auditEntryFor({
        eventName: 'MODIFY',
        entity: 'lrs-client',
        oldImage: { id: 'c' },
        newImage: { id: 'c', revokedAt: 't', revokedBy: 'lea' },
        approximateTime: 'x',
      })?.action,
    ).toBe('revoked');
  });
});
