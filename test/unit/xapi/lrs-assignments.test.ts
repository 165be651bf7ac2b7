import { describe, expect, it } from 'vitest';
import { type Authority, assignLrsProperties, isUuid } from '../../../packages/xapi/src/index.ts';
import { accepted, longExample, simplest, withProps } from './fixtures.ts';

const now = new Date('2024-05-18T05:32:34.804Z');
const lrsAuthority: Authority = {
  objectType: 'Agent',
  account: { homePage: 'https://lrs.example', name: 'client-1' },
};

describe('Data 2.4.1, 2.4.7-2.4.10: properties the LRS assigns', () => {
  it('Data 2.4.1.s2.b1: generates an id when the Statement has none, and keeps a given one', () => {
    const generated = assignLrsProperties(accepted(withProps({ id: undefined })), {
      now,
      authority: lrsAuthority,
    });
    expect(isUuid(generated.id)).toBe(true);
    const kept = assignLrsProperties(accepted(simplest()), {
      now,
      authority: lrsAuthority,
      newId: () => 'unused',
    });
    expect(kept.id).toBe('12345678-1234-5678-1234-567812345678');
  });

  it('Data 2.4.8.s3.b2: always sets stored; Data 2.4.7.s3.b2: timestamp defaults to stored', () => {
    const stored = assignLrsProperties(accepted(withProps({ stored: '2000-01-01T00:00:00Z' })), {
      now,
      authority: lrsAuthority,
    });
    expect(stored.stored).toBe('2024-05-18T05:32:34.804Z');
    expect(stored.timestamp).toBe('2024-05-18T05:32:34.804Z');
    const withTimestamp = assignLrsProperties(accepted(longExample()), { now, authority: lrsAuthority });
    expect(withTimestamp.timestamp).toBe('2013-05-18T05:32:34.804+00:00');
  });

  it('Data 2.4.9.s3.b3-b5: sets the authority from the credentials, keeping a submitted one only when trusted', () => {
    const statement = accepted(longExample());
    expect(assignLrsProperties(statement, { now, authority: lrsAuthority }).authority).toEqual(lrsAuthority);
    expect(
      assignLrsProperties(statement, { now, authority: lrsAuthority, trustSubmittedAuthority: true })
        .authority,
    ).toEqual(statement.authority);
  });

  it('Data 2.4.10.s3.b3: sets version 1.0.0 when absent and keeps the accepted one otherwise', () => {
    expect(assignLrsProperties(accepted(simplest()), { now, authority: lrsAuthority }).version).toBe('1.0.0');
    const kept = assignLrsProperties(accepted(withProps({ version: '1.0.3' })), {
      now,
      authority: lrsAuthority,
    });
    expect(kept.version).toBe('1.0.3');
  });
});
