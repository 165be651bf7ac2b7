import { describe, expect, it } from 'vitest';
import {
  attendedStatement,
  completedStatement,
  enrolledStatement,
  isIri,
  isUuid,
  type LmsEvent,
  ratedStatement,
  registeredStatement,
  SITE_EXTENSION,
  type Statement,
  statementIdFor,
  unregisteredStatement,
  VERB_IRIS,
  VERBS,
  validateStatement,
  waitlistedStatement,
} from '../../../packages/xapi/src/index.ts';

const registration = '0f6a1e3c-6a1b-4c8e-9d2f-3b5a7c9e1d20';

function event(overrides: Partial<LmsEvent> = {}): LmsEvent {
  return {
    learner: { userId: 'user-42', email: 'jane.doe@example.gouv.fr', name: 'Jane Doe' },
    session: {
      id: 'sess-2024-05-12-lyon',
      moduleId: 'design-sprint',
      moduleTitle: { fr: 'Le sprint de conception', en: 'Design sprint' },
      pathId: 'innovation-publique',
      siteId: 'lyon-part-dieu',
      start: '2024-05-12T09:00:00+02:00',
    },
    registration,
    timestamp: '2024-05-01T10:15:00.000Z',
    ...overrides,
  };
}

/** Validates a built Statement and returns its normalised form, which must equal the input. */
function valid(statement: Statement): Statement {
  const result = validateStatement(JSON.parse(JSON.stringify(statement)));
  if (!result.ok) expect.fail(result.errors.join('\n'));
  expect(result.statement).toEqual(statement);
  return result.statement;
}

describe('verbs', () => {
  it('Data 2.4.3: every verb has an IRI id and a fr-FR and en-US display', () => {
    for (const verb of Object.values(VERBS)) {
      expect(isIri(verb.id), verb.id).toBe(true);
      expect(Object.keys(verb.display)).toEqual(['fr-FR', 'en-US']);
    }
  });

  it('uses the registry IRIs where they exist and Parcours IRIs otherwise (Data 3.1.s1.b2-b3)', () => {
    expect(VERB_IRIS.registered).toBe('http://adlnet.gov/expapi/verbs/registered');
    expect(VERB_IRIS.unregistered).toBe('http://id.tincanapi.com/verb/unregistered');
    expect(VERB_IRIS.rated).toBe('http://id.tincanapi.com/verb/rated');
    expect(VERB_IRIS.voided).toBe('http://adlnet.gov/expapi/verbs/voided');
    expect(VERB_IRIS.waitlisted).toBe('https://parcours.example.gouv.fr/xapi/verbs/waitlisted');
    expect(VERB_IRIS.coFacilitated).toBe('https://parcours.example.gouv.fr/xapi/verbs/co-facilitated');
    expect(new Set(Object.values(VERB_IRIS)).size).toBe(Object.keys(VERBS).length);
  });
});

describe('LMS Statement builders', () => {
  it('registered: a valid Statement about the session, with module parent, path grouping and site extension', () => {
    const statement = valid(
      registeredStatement(event({ statementId: statementIdFor(`registered:${registration}`) })),
    );
    expect(statement).toMatchObject({
      actor: {
        objectType: 'Agent',
        account: { homePage: 'https://parcours.example.gouv.fr', name: 'user-42' },
      },
      verb: { id: 'http://adlnet.gov/expapi/verbs/registered' },
      object: {
        objectType: 'Activity',
        id: 'https://parcours.example.gouv.fr/xapi/activities/session/sess-2024-05-12-lyon',
        definition: { name: { 'fr-FR': 'Le sprint de conception — séance du 2024-05-12' } },
      },
      context: {
        registration,
        contextActivities: {
          parent: [{ id: 'https://parcours.example.gouv.fr/xapi/activities/module/design-sprint' }],
          grouping: [{ id: 'https://parcours.example.gouv.fr/xapi/activities/path/innovation-publique' }],
        },
        platform: 'Parcours',
        extensions: { [SITE_EXTENSION]: 'lyon-part-dieu' },
      },
      timestamp: '2024-05-01T10:15:00.000Z',
    });
    expect(enrolledStatement).toBe(registeredStatement);
  });

  it('never puts the e-mail address or the name of the learner in the Statement', () => {
    const text = JSON.stringify(registeredStatement(event()));
    expect(text).not.toContain('jane.doe');
    expect(text).not.toContain('Jane Doe');
    expect(text).not.toContain('mbox');
  });

  it('waitlisted, unregistered and attended are valid, with their verbs', () => {
    expect(valid(waitlistedStatement(event())).verb.id).toBe(VERB_IRIS.waitlisted);
    expect(valid(unregisteredStatement(event())).verb.id).toBe(VERB_IRIS.unregistered);
    const attended = valid(attendedStatement({ ...event(), durationMinutes: 90 }));
    expect(attended.verb.id).toBe(VERB_IRIS.attended);
    expect(attended.result).toEqual({ duration: 'PT90M' });
  });

  it('completed: the module is the object, the session an "other" context Activity', () => {
    const statement = valid(completedStatement({ ...event(), success: true }));
    expect(statement.object).toMatchObject({
      id: 'https://parcours.example.gouv.fr/xapi/activities/module/design-sprint',
    });
    expect(statement.context?.contextActivities?.other?.[0]?.id).toBe(
      'https://parcours.example.gouv.fr/xapi/activities/session/sess-2024-05-12-lyon',
    );
    expect(statement.result).toEqual({ completion: true, success: true });
  });

  it('rated: the score holds the rating, scaled to [0, 1], and the comment is the response', () => {
    const statement = valid(ratedStatement({ ...event(), rating: { value: 4, comment: 'Très utile' } }));
    expect(statement.result).toEqual({
      score: { raw: 4, min: 1, max: 5, scaled: 0.75 },
      response: 'Très utile',
    });
    expect(() => ratedStatement({ ...event(), rating: { value: 6 } })).toThrow(RangeError);
  });

  it('leaves grouping out when the session belongs to no path', () => {
    const { pathId: _, ...session } = event().session;
    const statement = valid(registeredStatement(event({ session })));
    expect(statement.context?.contextActivities).not.toHaveProperty('grouping');
  });

  it('generates a UUID id, or a name-based one that is stable for the same event key', () => {
    expect(isUuid(registeredStatement(event()).id ?? '')).toBe(true);
    const id = statementIdFor('registered:abc');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(statementIdFor('registered:abc')).toBe(id);
    expect(statementIdFor('registered:abd')).not.toBe(id);
  });

  it('percent-encodes ids that are not IRI-safe', () => {
    const statement = valid(
      registeredStatement(event({ session: { ...event().session, id: 'a b/c', moduleId: 'm#1' } })),
    );
    expect(statement.object).toMatchObject({
      id: 'https://parcours.example.gouv.fr/xapi/activities/session/a%20b%2Fc',
    });
  });
});
