import { describe, expect, it } from 'vitest';
import { pseudonymizeStatement } from '../../../packages/domain/src/pseudonymize.ts';

const who = {
  accountHomePage: 'https://h',
  accountName: 'camille',
  mboxes: ['mailto:c@x.fr'],
  mboxSha1sums: [],
};
const pseudo = { homePage: 'https://h/pseudonymes', name: 'p-1' };

describe('pseudonymizing statements for erasure', () => {
  it('rewrites the actor, instructor and group members, keeps everyone else', () => {
    const s = {
      actor: { objectType: 'Agent', name: 'Camille', account: { homePage: 'https://h', name: 'camille' } },
      verb: { id: 'v' },
      object: { objectType: 'Activity', id: 'a' },
      context: {
        instructor: { mbox: 'mailto:C@x.fr'.toLowerCase() },
        team: {
          objectType: 'Group',
          member: [
            { account: { homePage: 'https://h', name: 'other' } },
            { account: { homePage: 'https://h', name: 'camille' } },
          ],
        },
      },
    };
    const { result, changed } = pseudonymizeStatement(s, who, pseudo);
    expect(changed).toBe(true);
    expect(result.actor).toEqual({ objectType: 'Agent', account: pseudo });
    expect(result.context.instructor).toEqual({ account: pseudo });
    expect(result.context.team.member[0]).toEqual({ account: { homePage: 'https://h', name: 'other' } });
    expect(JSON.stringify(result)).not.toContain('camille');
    expect(JSON.stringify(result)).not.toContain('Camille');
  });

  it('leaves statements about other people unchanged', () => {
    const s = { actor: { account: { homePage: 'https://h', name: 'dominique' } } };
    expect(pseudonymizeStatement(s, who, pseudo)).toEqual({ result: s, changed: false });
  });
});
