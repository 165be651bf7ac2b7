import { describe, expect, it } from 'vitest';
import { accepted, rejected, voiding, withProps } from './fixtures.ts';

const registration = 'ec531277-b57b-4c15-8d91-d292c5b2b8f7';
const agent = { mbox: 'mailto:teacher@example.com' };
const activity = { id: 'http://example.com/parent' };

describe('Data 2.4.5 Result', () => {
  it('accepts every Result property', () => {
    accepted(
      withProps({
        result: {
          score: { scaled: 0.6767676, raw: 5, min: 1, max: 10 },
          success: false,
          completion: true,
          response: 'foo[,]bar',
          duration: 'PT4H35M59.14S',
          extensions: { 'http://example.com/ext': { nested: [1, 'two'] } },
        },
      }),
    );
  });

  it('Data 2.4.5: rejects a score that is not an object', () => {
    rejected(
      withProps({ result: { score: 12345 } }),
      'statement.result.score: must be an object, not a number',
    );
    rejected(withProps({ result: { score: 'should fail' } }), 'statement.result.score: must be an object');
  });

  it('Data 2.4.5.1.s2: accepts scaled at the bounds -1 and 1, rejects beyond', () => {
    accepted(withProps({ result: { score: { scaled: 1.0 } } }));
    accepted(withProps({ result: { score: { scaled: -1.0 } } }));
    rejected(
      withProps({ result: { score: { scaled: 1.01 } } }),
      'statement.result.score.scaled: must be between -1 and 1',
    );
    rejected(
      withProps({ result: { score: { scaled: -1.00001 } } }),
      'statement.result.score.scaled: must be between -1 and 1',
    );
  });

  it('Data 2.4.5.1.s2: rejects raw outside [min, max]', () => {
    rejected(
      withProps({ result: { score: { raw: 0.6767676, max: 0.6567676 } } }),
      'statement.result.score.raw: must not exceed max',
    );
    rejected(
      withProps({ result: { score: { raw: 0.6767676, min: 1.4067676 } } }),
      'statement.result.score.raw: must not be below min',
    );
    accepted(withProps({ result: { score: { raw: 10, min: 0, max: 10 } } }));
    accepted(withProps({ result: { score: { raw: -50 } } }));
  });

  it('Data 2.4.5.1.s2: rejects min not less than max', () => {
    rejected(
      withProps({ result: { score: { min: 10, max: 5 } } }),
      'statement.result.score.min: must be less than max (5)',
    );
    rejected(
      withProps({ result: { score: { min: 5, max: 5 } } }),
      'statement.result.score.min: must be less than max',
    );
    accepted(withProps({ result: { score: { min: 100.6767676 } } }));
  });

  it('Data 2.4.5: rejects a non-string response', () => {
    rejected(
      withProps({ result: { response: 42 } }),
      'statement.result.response: must be a string, not a number',
    );
  });

  it('Data 4.6: accepts the ISO 8601 duration examples and rejects other strings', () => {
    for (const duration of [
      'PT4H35M59.14S',
      'PT16559.14S',
      'P3Y1M29DT4H35M59.14S',
      'P3Y',
      'P4W',
      'PT1H0M0.1S',
    ]) {
      accepted(withProps({ result: { duration } }));
    }
    for (const duration of ['PA1H0M0S', 'should fail', 'P4W1D', 'PT', 'P', '1H', 'P0003-06-04T12:30:05']) {
      rejected(
        withProps({ result: { duration } }),
        'statement.result.duration: must be an ISO 8601 duration',
      );
    }
    rejected(withProps({ result: { duration: 12345 } }), 'statement.result.duration: must be a string');
  });

  it('Data 4.1: rejects result extensions keyed by something else than an IRI', () => {
    rejected(
      withProps({ result: { extensions: { minutes: 3 } } }),
      'statement.result.extensions.minutes: extension key must be an IRI',
    );
  });
});

describe('Data 2.4.6 Context', () => {
  it('accepts every Context property', () => {
    const statement = accepted(
      withProps({
        context: {
          registration,
          instructor: agent,
          team: { objectType: 'Group', member: [agent] },
          contextActivities: {
            parent: activity,
            grouping: [activity],
            category: [activity],
            other: [activity],
          },
          revision: '2',
          platform: 'web',
          language: 'fr-FR',
          statement: { objectType: 'StatementRef', id: registration },
          extensions: { 'http://example.com/ext': 1 },
        },
      }),
    );
    expect(statement.context?.instructor).toEqual({
      objectType: 'Agent',
      mbox: 'mailto:teacher@example.com',
    });
  });

  it('Data 2.4.6.s3: rejects a registration that is not a UUID', () => {
    rejected(
      withProps({ context: { registration: 'should fail' } }),
      'statement.context.registration: must be a UUID',
    );
    rejected(
      withProps({ context: { registration: { key: 'x' } } }),
      'statement.context.registration: must be a string',
    );
  });

  it('Data 2.4.6.s3: accepts an instructor Group, rejects an instructor that is not an Agent or Group', () => {
    accepted(withProps({ context: { instructor: { objectType: 'Group', member: [agent] } } }));
    rejected(
      withProps({ context: { instructor: 'should fail' } }),
      'statement.context.instructor: must be an object',
    );
    rejected(withProps({ context: { instructor: { key: 'x' } } }), 'statement.context.instructor.key');
  });

  it('Data 2.4.6.s3: rejects a team that is not a Group', () => {
    rejected(
      withProps({ context: { team: agent } }),
      'statement.context.team.objectType: must be "Group": a context team is a Group',
    );
    rejected(withProps({ context: { team: 'should fail' } }), 'statement.context.team: must be an object');
  });

  it('Data 2.4.6.2.s4.b1: rejects contextActivities keys other than parent, grouping, category and other', () => {
    rejected(
      withProps({ context: { contextActivities: { sibling: [activity] } } }),
      'statement.context.contextActivities.sibling',
    );
    rejected(withProps({ context: { contextActivities: { Parent: [activity] } } }), 'did you mean "parent"?');
    rejected(
      withProps({ context: { contextActivities: 'should fail' } }),
      'statement.context.contextActivities: must be an object',
    );
  });

  it('Data 2.4.6.2.s4.b2: rejects contextActivities values that are not Activities', () => {
    rejected(
      withProps({
        context: { contextActivities: { parent: [activity, { objectType: 'Agent', ...agent }] } },
      }),
      'statement.context.contextActivities.parent[1].objectType: must be "Activity"',
    );
    rejected(
      withProps({ context: { contextActivities: { grouping: 'x' } } }),
      'statement.context.contextActivities.grouping: must be an array or an object',
    );
    rejected(
      withProps({ context: { contextActivities: { other: { id: 'nope' } } } }),
      'statement.context.contextActivities.other.id: must be an IRI',
    );
  });

  it('Data 2.4.6.s3: rejects revision and platform that are not strings', () => {
    rejected(
      withProps({ context: { revision: 12345 } }),
      'statement.context.revision: must be a string, not a number',
    );
    rejected(
      withProps({ context: { platform: { key: 'x' } } }),
      'statement.context.platform: must be a string, not an object',
    );
  });

  it('Data 2.4.6.s4.b1: rejects revision when the object is not an Activity', () => {
    const statement = voiding();
    statement.context = { revision: '1' };
    rejected(
      statement,
      "statement.context.revision: MUST only be used when the Statement's Object is an Activity, not a StatementRef",
    );
    rejected(
      withProps({ object: { objectType: 'Group', member: [agent] }, context: { revision: '1' } }),
      'statement.context.revision: MUST only be used',
    );
  });

  it('Data 2.4.6.s4.b2: rejects platform when the object is not an Activity', () => {
    rejected(
      withProps({ object: { objectType: 'Agent', ...agent }, context: { platform: 'web' } }),
      "statement.context.platform: MUST only be used when the Statement's Object is an Activity, not an Agent",
    );
  });

  it('Data 2.4.6.s3: rejects a language that is not an RFC 5646 tag', () => {
    accepted(withProps({ context: { language: 'de' } }));
    rejected(
      withProps({ context: { language: 'de-419-DE' } }),
      'statement.context.language: must be an RFC 5646 language tag',
    );
    rejected(withProps({ context: { language: 42 } }), 'statement.context.language: must be a string');
  });

  it('Data 2.4.6.s3: rejects a statement that is not a StatementRef', () => {
    rejected(
      withProps({ context: { statement: { id: registration } } }),
      'statement.context.statement.objectType: must be "StatementRef"',
    );
    rejected(
      withProps({
        context: { statement: { objectType: 'StatementRef', id: 'MA97B177-9383-4934-8543-0F91A7A02836' } },
      }),
      'statement.context.statement.id: must be a UUID',
    );
  });
});
