import { describe, expect, it } from 'vitest';
import { validateAgentParameter } from '../../../packages/xapi/src/index.ts';
import { accepted, oauthAuthority, rejected, withProps } from './fixtures.ts';

const account = { homePage: 'http://www.example.com', name: '1625378' };
const sha1 = 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9';

describe('Data 2.4.2.1 When the Actor objectType is Agent', () => {
  it('Data 2.4.2.3: accepts each of the four inverse functional identifiers', () => {
    accepted(withProps({ actor: { mbox: 'mailto:a@example.com' } }));
    accepted(withProps({ actor: { mbox_sha1sum: sha1 } }));
    accepted(withProps({ actor: { openid: 'http://toby.openid.example.org/' } }));
    accepted(withProps({ actor: { objectType: 'Agent', account } }));
  });

  it('Data 2.4.2.1.s2.b1: rejects an Agent without an IFI', () => {
    rejected(
      withProps({ actor: { name: 'Nobody' } }),
      'statement.actor: an Agent MUST be identified by one of',
    );
    rejected(withProps({ actor: { objectType: 'Agent' } }), 'statement.actor: an Agent MUST be identified');
  });

  it('Data 2.4.2.1.s2.b2: rejects an Agent with two IFIs', () => {
    rejected(
      withProps({ actor: { mbox: 'mailto:a@example.com', account } }),
      'statement.actor: an Agent MUST NOT include more than one inverse functional identifier, found mbox, account',
    );
  });

  it('Data 2.4.2.1.s2: rejects a non-string name', () => {
    rejected(
      withProps({ actor: { mbox: 'mailto:a@example.com', name: 123 } }),
      'statement.actor.name: must be a string',
    );
  });

  it('Data 2.4.2.1: rejects Group-only properties on an Agent', () => {
    rejected(
      withProps({ actor: { objectType: 'Agent', mbox: 'mailto:a@example.com', member: [] } }),
      'statement.actor.member: is not an allowed property here',
    );
  });
});

describe('Data 2.4.2.3 Inverse Functional Identifier formats', () => {
  it('rejects an mbox that is not a mailto IRI', () => {
    rejected(
      withProps({ actor: { mbox: 'http://should.fail.com' } }),
      'statement.actor.mbox: must be a mailto IRI',
    );
    rejected(
      withProps({ actor: { mbox: 'mailto:should.fail.com' } }),
      'statement.actor.mbox: must be a mailto IRI',
    );
    rejected(withProps({ actor: { mbox: 'a@example.com' } }), 'statement.actor.mbox: must be a mailto IRI');
  });

  it('rejects an mbox_sha1sum that is not 40 hex digits', () => {
    rejected(
      withProps({ actor: { mbox_sha1sum: 'abc' } }),
      'statement.actor.mbox_sha1sum: must be the 40 hex digits',
    );
    rejected(
      withProps({ actor: { mbox_sha1sum: { key: 'value' } } }),
      'statement.actor.mbox_sha1sum: must be a string',
    );
  });

  it('rejects an openid that is not a URI', () => {
    rejected(
      withProps({ actor: { openid: 'ab=c://should.fail.com' } }),
      'statement.actor.openid: must be an absolute URI',
    );
    rejected(withProps({ actor: { openid: 'toby' } }), 'statement.actor.openid');
  });
});

describe('Data 2.4.2.4 Account Object', () => {
  it('rejects an account without homePage or name', () => {
    rejected(
      withProps({ actor: { account: { name: 'x' } } }),
      'statement.actor.account.homePage: is required',
    );
    rejected(
      withProps({ actor: { account: { homePage: 'http://www.example.com' } } }),
      'statement.actor.account.name: is required',
    );
  });

  it('rejects an account homePage that is not an IRL, and a name that is not a string', () => {
    rejected(
      withProps({ actor: { account: { homePage: 'ab=c://x', name: 'x' } } }),
      'statement.actor.account.homePage: must be an IRL',
    );
    rejected(
      withProps({ actor: { account: { homePage: 'http://www.example.com', name: { key: 'x' } } } }),
      'statement.actor.account.name: must be a string',
    );
  });

  it('rejects unknown account properties', () => {
    rejected(withProps({ actor: { account: { ...account, email: 'x' } } }), 'statement.actor.account.email');
  });
});

describe('Data 2.4.2.2 When the Actor ObjectType is Group', () => {
  const members = [{ mbox: 'mailto:a@example.com' }, { objectType: 'Agent', account }];

  it('accepts an Anonymous Group with members, and an Identified Group with or without members', () => {
    const anonymous = accepted(withProps({ actor: { objectType: 'Group', member: members } }));
    expect(anonymous.actor).toEqual({
      objectType: 'Group',
      member: [
        { objectType: 'Agent', mbox: 'mailto:a@example.com' },
        { objectType: 'Agent', account },
      ],
    });
    accepted(withProps({ actor: { objectType: 'Group', name: 'Team', mbox: 'mailto:team@example.com' } }));
    accepted(withProps({ actor: { objectType: 'Group', account, member: members } }));
  });

  it('Data 2.4.2.2.s2: rejects a Group without objectType "Group" as an Agent with a member property', () => {
    rejected(
      withProps({ actor: { member: members } }),
      'statement.actor.member: is not an allowed property here',
    );
  });

  it('Data 2.4.2.2.s4.b1: rejects an Anonymous Group without members', () => {
    rejected(
      withProps({ actor: { objectType: 'Group', name: 'Ad hoc' } }),
      'statement.actor.member: an Anonymous Group (no inverse functional identifier) MUST list its member Agents',
    );
    rejected(
      withProps({ actor: { objectType: 'Group', member: [] } }),
      'statement.actor.member: an Anonymous Group',
    );
  });

  it('Data 2.4.2.2.s4.b2: rejects an Anonymous Group containing a Group', () => {
    rejected(
      withProps({
        actor: { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@example.com' }] },
      }),
      'statement.actor.member[0].objectType: group members MUST be Agents, not Groups',
    );
  });

  it('Data 2.4.2.2.s5.b2: rejects an Identified Group containing a Group', () => {
    rejected(
      withProps({
        actor: { objectType: 'Group', account, member: [{ objectType: 'Group', member: members }] },
      }),
      'statement.actor.member[0].objectType: group members MUST be Agents',
    );
  });

  it('Data 2.4.2.2.s5.b1: rejects an Identified Group with two IFIs', () => {
    rejected(
      withProps({
        actor: { objectType: 'Group', mbox: 'mailto:g@example.com', openid: 'http://openid.example.org/1' },
      }),
      'statement.actor: an Identified Group MUST include exactly one inverse functional identifier, found mbox, openid',
    );
  });

  it('Data 2.4.2.2: validates every member as an Agent', () => {
    rejected(
      withProps({
        actor: { objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }, { name: 'x' }] },
      }),
      'statement.actor.member[1]: an Agent MUST be identified',
    );
    rejected(
      withProps({ actor: { objectType: 'Group', member: { mbox: 'mailto:a@example.com' } } }),
      'statement.actor.member: must be an array',
    );
  });
});

describe('Data 2.4.9 Authority', () => {
  it('Data 2.4.9.s3.b1: accepts an Agent authority and the OAuth two-member Group example', () => {
    accepted(withProps({ authority: { mbox: 'mailto:lrs@example.com' } }));
    const statement = accepted(withProps({ authority: oauthAuthority() }));
    expect(statement.authority?.objectType).toBe('Group');
  });

  it('Data 2.4.9.s3.b1: rejects an authority Group with one or three members', () => {
    const message =
      'statement.authority: an authority Group MUST be an anonymous Group of exactly two Agents';
    rejected(
      withProps({ authority: { objectType: 'Group', member: [{ mbox: 'mailto:bob@example.com' }] } }),
      message,
    );
    const three = oauthAuthority();
    (three.member as unknown[]).push({ mbox: 'mailto:james@example.com' });
    rejected(withProps({ authority: three }), message);
  });

  it('Data 2.4.9.s3.b1: rejects an Identified Group as authority', () => {
    rejected(
      withProps({ authority: { ...oauthAuthority(), mbox: 'mailto:bob@example.com' } }),
      'statement.authority: an authority Group MUST be an anonymous Group of exactly two Agents',
    );
  });

  it('Data 2.4.9: validates the Agents of the authority', () => {
    rejected(
      withProps({ authority: { mbox: 'http://should.fail.com' } }),
      'statement.authority.mbox: must be a mailto IRI',
    );
  });
});

describe('Communication 2.1.3: the agent parameter (Data 2.2.s4.b4)', () => {
  it('accepts an Agent or an Identified Group, normalised', () => {
    expect(validateAgentParameter({ mbox: 'mailto:a@example.com' })).toEqual({
      ok: true,
      agent: { objectType: 'Agent', mbox: 'mailto:a@example.com' },
    });
    expect(validateAgentParameter({ objectType: 'Group', account }).ok).toBe(true);
  });

  it('rejects an Anonymous Group and malformed Agents with agent.* paths', () => {
    expect(
      validateAgentParameter({ objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }] }),
    ).toEqual({
      ok: false,
      errors: ['agent: must be an Agent or an Identified Group, not an Anonymous Group'],
    });
    expect(validateAgentParameter({ mbox: 'a@example.com' })).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('agent.mbox: must be a mailto IRI')],
    });
  });
});
