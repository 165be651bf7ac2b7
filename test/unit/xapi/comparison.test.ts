import { describe, expect, it } from 'vitest';
import { canonicalJson, type Statement, statementsEquivalent } from '../../../packages/xapi/src/index.ts';
import { accepted, longExample, plannedSubStatement, simplest, withProps } from './fixtures.ts';

type Json = Record<string, unknown>;

function modified(change: (statement: Json) => void, base: Json = longExample()): Statement {
  const copy = structuredClone(base);
  change(copy);
  return accepted(copy);
}

function context(statement: Json): Json {
  return statement.context as Json;
}

const original = () => accepted(longExample());

describe('Data 2.3.1 Statement comparison: differences that MUST be ignored', () => {
  it('a Statement is equivalent to itself, whatever the order of its properties', () => {
    const reordered = Object.fromEntries(Object.entries(longExample()).reverse());
    expect(statementsEquivalent(original(), accepted(reordered))).toBe(true);
  });

  it('Data 2.3.1.b1: ignores properties the LRS assigns (stored, authority, version; id/timestamp when one side lacks it)', () => {
    const bare = modified((s) => {
      delete s.stored;
      delete s.authority;
      delete s.version;
      delete s.id;
      delete s.timestamp;
    });
    expect(statementsEquivalent(original(), bare)).toBe(true);
    const otherAuthority = modified((s) => {
      s.authority = { mbox: 'mailto:other@example.com' };
      s.stored = '2020-01-01T00:00:00Z';
      s.version = '1.0.3';
    });
    expect(statementsEquivalent(original(), otherAuthority)).toBe(true);
  });

  it('Data 2.3.1.b2: ignores Activity Definitions', () => {
    const redefined = modified((s) => {
      (s.object as Json).definition = { name: { fr: 'autre' } };
      delete ((context(s).contextActivities as Json).category as Json[])[0]?.definition;
    });
    expect(statementsEquivalent(original(), redefined)).toBe(true);
  });

  it('Data 2.3.1.b3: ignores the Verb display', () => {
    expect(
      statementsEquivalent(
        original(),
        modified((s) => delete (s.verb as Json).display),
      ),
    ).toBe(true);
  });

  it('Data 2.3.1.b4: compares timestamps as instants, whatever the time zone', () => {
    const shifted = modified((s) => {
      s.timestamp = '2013-05-18T07:32:34.804+02:00';
    });
    expect(statementsEquivalent(original(), shifted)).toBe(true);
  });

  it('Data 2.3.1.b5: ignores the order of Group members', () => {
    const reordered = modified((s) => (s.actor as Json & { member: unknown[] }).member.reverse());
    expect(statementsEquivalent(original(), reordered)).toBe(true);
  });

  it('Data 2.3.1.b6: ignores Attachments', () => {
    const attachment = {
      usageType: 'http://example.com/usage',
      display: { en: 'x' },
      contentType: 'text/plain',
      length: 1,
      sha2: 'a'.repeat(64),
    };
    expect(
      statementsEquivalent(
        original(),
        modified((s) => (s.attachments = [attachment])),
      ),
    ).toBe(true);
  });

  it('Data 2.3.1.b7: ignores case in e-mail domains, UUIDs, SHA-1 sums and language tags', () => {
    const recased = modified((s) => {
      s.id = String(s.id).toUpperCase();
      (s.actor as Json).mbox = 'mailto:teampb@EXAMPLE.com';
      ((s.actor as Json).member as Json[])[2] = {
        name: 'Ena Hills',
        mbox_sha1sum: 'EBD31E95054C018B10727CCFFD2EF2EC3A016EE9',
        objectType: 'Agent',
      };
      context(s).registration = 'EC531277-B57B-4C15-8D91-D292C5B2B8F7';
      context(s).language = 'TLH';
    });
    expect(statementsEquivalent(original(), recased)).toBe(true);
  });

  it('Data 2.4.6.2.s4.b3 and 2.4.4.s2: treats normalised and as-sent forms alike', () => {
    const sent = withProps({ context: { contextActivities: { parent: { id: 'http://example.com/p' } } } });
    const stored = withProps({
      context: { contextActivities: { parent: [{ objectType: 'Activity', id: 'http://example.com/p' }] } },
      object: { objectType: 'Activity', id: 'http://example.adlnet.gov/xapi/example/activity' },
    });
    expect(statementsEquivalent(accepted(sent), accepted(stored))).toBe(true);
  });

  it('Data 4.6.s1.b5: ignores duration precision beyond 0.01 second', () => {
    const precise = modified((s) => ((s.result as Json).duration = 'PT1H0M0.001S'));
    const rounded = modified((s) => ((s.result as Json).duration = 'PT1H0M0.00S'));
    expect(statementsEquivalent(precise, rounded)).toBe(true);
  });
});

describe('Data 2.3.1 Statement comparison: differences that MUST NOT be ignored', () => {
  it('detects a different actor, verb, object or result', () => {
    expect(
      statementsEquivalent(
        original(),
        modified((s) => ((s.actor as Json).mbox = 'mailto:other@example.com')),
      ),
    ).toBe(false);
    expect(
      statementsEquivalent(
        original(),
        modified((s) => ((s.verb as Json).id = 'http://example.com/v')),
      ),
    ).toBe(false);
    expect(
      statementsEquivalent(
        original(),
        modified((s) => ((s.object as Json).id = 'http://example.com/o')),
      ),
    ).toBe(false);
    expect(
      statementsEquivalent(
        original(),
        modified((s) => ((s.result as Json).success = false)),
      ),
    ).toBe(false);
  });

  it('detects different timestamps or ids when both sides carry one', () => {
    expect(
      statementsEquivalent(
        original(),
        modified((s) => (s.timestamp = '2013-05-18T05:32:35.804Z')),
      ),
    ).toBe(false);
    expect(
      statementsEquivalent(
        original(),
        modified((s) => (s.id = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0')),
      ),
    ).toBe(false);
  });

  it('Data 2.3.1.b8: compares the Result duration as a string', () => {
    expect(
      statementsEquivalent(
        original(),
        modified((s) => ((s.result as Json).duration = 'PT60M')),
      ),
    ).toBe(false);
  });

  it('detects a different Agent name, context extension or context Activity order', () => {
    expect(
      statementsEquivalent(
        original(),
        modified((s) => ((s.actor as Json).name = 'Team PC')),
      ),
    ).toBe(false);
    expect(
      statementsEquivalent(
        original(),
        modified((s) => (context(s).extensions = { 'http://e.com/x': 1 })),
      ),
    ).toBe(false);
    const swapped = modified((s) => ((context(s).contextActivities as Json).other as unknown[]).reverse());
    expect(statementsEquivalent(original(), swapped)).toBe(false);
  });

  it('detects a difference inside a SubStatement', () => {
    const base = plannedSubStatement();
    const other = modified(
      (s) => (((s.object as Json).verb as Json).id = 'http://example.com/skipped'),
      base,
    );
    expect(statementsEquivalent(accepted(base), other)).toBe(false);
    const redisplayed = modified(
      (s) => (((s.object as Json).verb as Json).display = { fr: 'visitera' }),
      base,
    );
    expect(statementsEquivalent(accepted(base), redisplayed)).toBe(true);
  });

  it('is symmetric', () => {
    const a = accepted(simplest());
    const b = accepted(withProps({ result: { completion: true } }));
    expect(statementsEquivalent(a, b)).toBe(statementsEquivalent(b, a));
  });
});

describe('canonicalJson', () => {
  it('serialises objects with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
  });
});
