import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  actorKey,
  agentKey,
  agentMatchKeys,
  normaliseMbox,
  sha1Mbox,
} from '../../../packages/xapi/src/index.ts';

describe('Data 2.4.2.3 Inverse Functional Identifier keys', () => {
  it('builds one stable key per IFI kind', () => {
    expect(agentKey({ objectType: 'Agent', mbox: 'mailto:x@y.example' })).toBe('mbox:mailto:x@y.example');
    expect(agentKey({ objectType: 'Agent', mbox_sha1sum: 'EBD31E95054C018B10727CCFFD2EF2EC3A016EE9' })).toBe(
      'mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9',
    );
    expect(agentKey({ objectType: 'Agent', openid: 'http://toby.openid.example.org/' })).toBe(
      'openid:http://toby.openid.example.org/',
    );
    expect(
      agentKey({
        objectType: 'Group',
        account: { homePage: 'https://parcours.example.gouv.fr', name: 'u-42' },
      }),
    ).toBe('account:https://parcours.example.gouv.fr|u-42');
  });

  it('Data 2.4.2.3.s4.b1: treats the e-mail domain case-insensitively, not the local part', () => {
    expect(normaliseMbox('mailto:Jane.Doe@Example.GOUV.fr')).toBe('mailto:Jane.Doe@example.gouv.fr');
    expect(agentKey({ objectType: 'Agent', mbox: 'mailto:Jane@EXAMPLE.fr' })).toBe(
      'mbox:mailto:Jane@example.fr',
    );
  });

  it('ignores the name: identity is the IFI only (Communication 2.1.3 agent filter)', () => {
    expect(agentKey({ objectType: 'Agent', name: 'A', mbox: 'mailto:a@example.com' })).toBe(
      agentKey({ objectType: 'Agent', name: 'B', mbox: 'mailto:a@example.com' }),
    );
  });

  it('Data 2.4.2.2.s3.b1: gives no key to an Anonymous Group', () => {
    const member = { objectType: 'Agent' as const, mbox: 'mailto:a@example.com' };
    expect(actorKey({ objectType: 'Group', member: [member] })).toBeUndefined();
    expect(actorKey(member)).toBe('mbox:mailto:a@example.com');
  });
});

describe('sha1Mbox (mbox_sha1sum)', () => {
  it('hashes the mailto IRI, accepting a bare address and lower-casing the domain', () => {
    const expected = createHash('sha1').update('mailto:Ena@example.com').digest('hex');
    expect(sha1Mbox('mailto:Ena@example.com')).toBe(expected);
    expect(sha1Mbox('Ena@EXAMPLE.com')).toBe(expected);
    expect(sha1Mbox('Ena@example.com')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('Data 2.4.2.3: lets an mbox Agent be found by its hash too', () => {
    const agent = { objectType: 'Agent' as const, mbox: 'mailto:a@example.com' };
    expect(agentMatchKeys(agent)).toEqual([
      'mbox:mailto:a@example.com',
      `mbox_sha1sum:${sha1Mbox('a@example.com')}`,
    ]);
    expect(agentMatchKeys({ objectType: 'Agent', openid: 'http://o.example/' })).toEqual([
      'openid:http://o.example/',
    ]);
  });
});
