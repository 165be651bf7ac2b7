import { agentKey, type Statement } from '@parcours/xapi';
import { describe, expect, it } from 'vitest';
import {
  activityHash,
  agentHash,
  filterKeysOf,
  mergeDefinition,
  verbHash,
} from '../../../functions/lrs/statement-keys.ts';

/** Communication 2.1.3 filter semantics, as index keys. */

const a = { objectType: 'Agent' as const, mbox: 'mailto:a@example.org' };
const b = { objectType: 'Agent' as const, mbox: 'mailto:b@example.org' };
const c = { objectType: 'Agent' as const, mbox: 'mailto:c@example.org' };
const h = (x: typeof a) => agentHash(agentKey(x));

describe('filterKeysOf', () => {
  it('agent: actor, object Agent and Group members; related: authority, instructor, team, SubStatement too', () => {
    const s: Statement = {
      actor: { objectType: 'Group', member: [a] },
      verb: { id: 'http://x.org/v' },
      object: {
        objectType: 'SubStatement',
        actor: b,
        verb: { id: 'http://x.org/w' },
        object: { objectType: 'Activity', id: 'http://x.org/sub' },
      },
      context: { instructor: c },
      authority: { objectType: 'Agent', account: { homePage: 'https://lrs.example.org', name: 'k' } },
    };
    const k = filterKeysOf(s);
    expect(k.agents).toEqual([h(a)]);
    expect(new Set(k.relatedAgents)).toEqual(
      new Set([
        h(a),
        h(b),
        h(c),
        agentHash(
          agentKey({ objectType: 'Agent', account: { homePage: 'https://lrs.example.org', name: 'k' } }),
        ),
      ]),
    );
    expect(k.activities).toEqual([]);
    expect(k.relatedActivities).toEqual([activityHash('http://x.org/sub')]);
    expect(k.verbs).toEqual([verbHash('http://x.org/v')]);
  });

  it('activity: object only; related_activities: context activities as well; registration lower-cased', () => {
    const s: Statement = {
      actor: a,
      verb: { id: 'http://x.org/v' },
      object: { objectType: 'Activity', id: 'http://x.org/o' },
      context: {
        registration: 'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA',
        contextActivities: {
          parent: [{ objectType: 'Activity', id: 'http://x.org/p' }],
          grouping: [{ objectType: 'Activity', id: 'http://x.org/g' }],
        },
      },
    };
    const k = filterKeysOf(s);
    expect(k.activities).toEqual([activityHash('http://x.org/o')]);
    expect(k.relatedActivities).toEqual([
      activityHash('http://x.org/o'),
      activityHash('http://x.org/p'),
      activityHash('http://x.org/g'),
    ]);
    expect(k.registrations).toEqual(['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa']);
  });
});

describe('mergeDefinition (canonical Activity definitions)', () => {
  it('later properties win; language maps merge per language', () => {
    expect(
      mergeDefinition(
        { name: { en: 'A' }, type: 'http://x.org/t1', description: { en: 'd' } },
        { name: { fr: 'B' }, type: 'http://x.org/t2' },
      ),
    ).toEqual({ name: { en: 'A', fr: 'B' }, type: 'http://x.org/t2', description: { en: 'd' } });
  });
});
