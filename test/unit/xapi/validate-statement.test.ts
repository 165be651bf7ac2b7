import { describe, expect, it } from 'vitest';
import { validateStatement, validateStatements } from '../../../packages/xapi/src/index.ts';
import {
  accepted,
  attemptedWithDuration,
  longExample,
  plannedSubStatement,
  rejected,
  signedStatement,
  simplest,
  statementRefComment,
  subStatementWithRef,
  voiding,
  withProps,
} from './fixtures.ts';

describe('spec example Statements (Data Appendix A, B, D)', () => {
  it('Data 2.4.s2: accepts the simplest possible Statement', () => {
    accepted(simplest());
  });

  it('Data Appendix A: accepts the "attempted" example with a duration in seconds', () => {
    accepted(attemptedWithDuration());
  });

  it('Data Appendix A: accepts the long example showcasing most properties', () => {
    const statement = accepted(longExample());
    expect(statement.context?.contextActivities?.other).toHaveLength(2);
    expect(statement.authority).toEqual({
      objectType: 'Agent',
      account: { homePage: 'http://cloud.scorm.com/', name: 'anonymous' },
    });
  });

  it('Data 2.3.2.s3: accepts the voiding example', () => {
    accepted(voiding());
  });

  it('Data 2.4.4.3.s5: accepts the StatementRef comment example', () => {
    accepted(statementRefComment());
  });

  it('Data 2.4.4.3.s9: accepts the SubStatement example ("I planned to visit")', () => {
    const statement = accepted(plannedSubStatement());
    expect(statement.object.objectType).toBe('SubStatement');
  });

  it('Data Appendix B: accepts a SubStatement whose object is a StatementRef', () => {
    accepted(subStatementWithRef());
  });

  it('Data Appendix D: accepts the signed Statement with its signature Attachment', () => {
    accepted(signedStatement());
  });
});

describe('normalisation of accepted Statements', () => {
  it('Data 2.4.4.s2: gives an object without objectType the objectType "Activity"', () => {
    expect(accepted(simplest()).object).toEqual({
      objectType: 'Activity',
      id: 'http://example.adlnet.gov/xapi/example/activity',
    });
  });

  it('Data 2.4.2.1: gives an actor without objectType the objectType "Agent"', () => {
    expect(accepted(simplest()).actor).toEqual({ objectType: 'Agent', mbox: 'mailto:xapi@adlnet.gov' });
  });

  it('Data 2.4.6.2.s4.b3: returns a single context Activity as an array of one', () => {
    const statement = accepted(
      withProps({ context: { contextActivities: { parent: { id: 'http://example.com/parent' } } } }),
    );
    expect(statement.context?.contextActivities?.parent).toEqual([
      { objectType: 'Activity', id: 'http://example.com/parent' },
    ]);
  });

  it('does not add the properties the LRS assigns (id, stored, authority, version)', () => {
    const statement = accepted(withProps({ id: undefined }));
    expect(statement).not.toHaveProperty('id');
    expect(statement).not.toHaveProperty('stored');
    expect(statement).not.toHaveProperty('authority');
    expect(statement).not.toHaveProperty('version');
  });
});

describe('Data 2.2 Formatting Requirements', () => {
  it('Data 2.2.s2.b3: rejects a Statement without "actor"', () => {
    rejected(withProps({ actor: undefined }), 'statement.actor: is required');
  });

  it('Data 2.2.s2.b3: rejects a Statement without "verb"', () => {
    rejected(withProps({ verb: undefined }), 'statement.verb: is required');
  });

  it('Data 2.2.s2.b3: rejects a Statement without "object"', () => {
    rejected(withProps({ object: undefined }), 'statement.object: is required');
  });

  it('rejects a Statement that is not a JSON object', () => {
    expect(validateStatement('statement')).toEqual({
      ok: false,
      errors: ['statement: must be an object, not a string'],
    });
    expect(validateStatement([simplest()])).toEqual({
      ok: false,
      errors: ['statement: must be an object, not an array'],
    });
  });

  it('Data 2.2.s4.b1.b1: rejects null values outside extensions', () => {
    rejected(
      withProps({ actor: { mbox: 'mailto:a@example.com', name: null } }),
      'statement.actor.name: must not be null',
    );
    rejected(
      withProps({ verb: { id: 'http://example.com/v', display: { 'en-US': null } } }),
      'must not be null',
    );
    rejected(
      withProps({ context: { registration: null } }),
      'statement.context.registration: must not be null',
    );
    rejected(withProps({ result: null }), 'statement.result: must not be null');
  });

  it('Data 2.2.s4.b1.b1: accepts null values inside extensions', () => {
    accepted(withProps({ result: { extensions: { 'http://example.com/null': null } } }));
    accepted(withProps({ context: { extensions: { 'http://example.com/null': null } } }));
  });

  it('Data 2.2.s4.b1.b2: rejects strings where numbers are required, even numeric strings', () => {
    rejected(
      withProps({ result: { score: { max: '100' } } }),
      'statement.result.score.max: must be a number, not a string',
    );
    rejected(withProps({ result: { score: { max: 'one hundred' } } }), 'must be a number, not a string');
  });

  it('Data 2.2.s4.b3: rejects numbers a JSON parser could only read as Infinity', () => {
    rejected(
      withProps({ result: { score: { raw: Number.POSITIVE_INFINITY } } }),
      'statement.result.score.raw: must be a finite number',
    );
  });

  it('Data 2.2.s4.b1.b3: rejects strings where booleans are required, even "false"', () => {
    rejected(
      withProps({ result: { completion: 'false' } }),
      'statement.result.completion: must be a boolean, not a string',
    );
    rejected(withProps({ result: { success: 'yes' } }), 'statement.result.success: must be a boolean');
  });

  it('Data 2.2.s4.b1.b4: rejects the empty string where a formatted string is required', () => {
    rejected(withProps({ id: '' }), 'statement.id: must be a UUID');
    rejected(withProps({ verb: { id: '' } }), 'statement.verb.id: must be an IRI');
    rejected(withProps({ actor: { mbox: '' } }), 'statement.actor.mbox: must be a mailto IRI');
  });

  it('Data 2.2.s4.b1.b5: rejects keys whose case differs from the specification', () => {
    for (const [wrong, right] of [
      ['iD', 'id'],
      ['Actor', 'actor'],
      ['veRb', 'verb'],
      ['oBject', 'object'],
      ['RESULT', 'result'],
      ['conText', 'context'],
      ['timeStamp', 'timestamp'],
      ['STOred', 'stored'],
      ['auTHORity', 'authority'],
      ['Version', 'version'],
      ['attachmentS', 'attachments'],
    ]) {
      rejected(
        withProps({ [wrong as string]: 'x' }),
        `statement.${wrong}: is not an allowed property here; did you mean "${right}"?`,
      );
    }
    rejected(
      withProps({ actor: { MBOX: 'mailto:a@example.com' } }),
      'statement.actor.MBOX: is not an allowed property',
    );
  });

  it('Data 2.2.s4.b1.b6: rejects enumerated values whose case differs (objectType, interactionType)', () => {
    rejected(
      withProps({ object: { objectType: 'activity', id: 'http://example.com/a' } }),
      'statement.object.objectType: must be one of',
    );
    rejected(
      withProps({ actor: { objectType: 'agent', mbox: 'mailto:a@example.com' } }),
      'statement.actor.objectType',
    );
  });

  it('Data 2.2.s4.b1.b7: rejects properties the specification does not allow', () => {
    rejected(withProps({ custom: 1 }), 'statement.custom: is not an allowed property here');
    rejected(
      withProps({ verb: { id: 'http://example.com/v', label: 'x' } }),
      'statement.verb.label: is not an allowed property',
    );
    rejected(withProps({ result: { score: { percent: 5 } } }), 'statement.result.score.percent');
  });

  it('Data 2.2.s4.b1.b8: rejects IRIs without a scheme', () => {
    rejected(withProps({ verb: { id: 'example.com/verbs/did' } }), 'statement.verb.id: must be an IRI');
    rejected(withProps({ object: { id: 'ab=c://should.fail.com' } }), 'statement.object.id: must be an IRI');
  });

  it('Data 2.2.s2.b1: rejects spec objects that are empty', () => {
    rejected(withProps({ result: {} }), 'statement.result: must not be an empty object');
    rejected(withProps({ context: {} }), 'statement.context: must not be an empty object');
    rejected(
      withProps({ context: { contextActivities: {} } }),
      'statement.context.contextActivities: must not be an empty object',
    );
  });

  it('reports every problem of a Statement with a JSON path', () => {
    const errors = rejected(
      withProps({ id: 'x', actor: { mbox: 'bob@example.com' }, timestamp: 'yesterday' }),
      'statement.actor.mbox: must be a mailto IRI',
    );
    expect(errors).toHaveLength(3);
    expect(errors.every((error) => /^statement(\.[\w$]+|\[[^\]]+\])*: /.test(error))).toBe(true);
  });
});

describe('Data 2.4.1 ID', () => {
  it('Data 2.4.1.s1: accepts a UUID of any version, in either case', () => {
    accepted(withProps({ id: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0' }));
    accepted(withProps({ id: 'FD41C918-B88B-1B20-A0A5-A4C32391AAA0' }));
  });

  it('Data 4.4: rejects an id that is not a UUID in standard string form', () => {
    rejected(withProps({ id: 'AA97B177-9383-4934-8543-0F91A7A028368' }), 'statement.id: must be a UUID');
    rejected(withProps({ id: 'MA97B177-9383-4934-8543-0F91A7A02836' }), 'statement.id: must be a UUID');
    rejected(withProps({ id: 'fd41c918b88b4b20a0a5a4c32391aaa0' }), 'statement.id: must be a UUID');
    rejected(withProps({ id: 12345 }), 'statement.id: must be a string, not a number');
    rejected(withProps({ id: { key: 'x' } }), 'statement.id: must be a string, not an object');
  });
});

describe('Data 2.4.7 Timestamp and 2.4.8 Stored', () => {
  it('Data 4.5: accepts ISO 8601 timestamps with a time zone', () => {
    accepted(withProps({ timestamp: '2013-05-18T05:32:34.804Z' }));
    accepted(
      withProps({ timestamp: '2013-05-18T05:32:34.804+02:00', stored: '2013-05-18T03:32:34.804123Z' }),
    );
    accepted(withProps({ timestamp: '20130518T053234Z' }));
  });

  it('Data 4.5.s1.b1: rejects a timestamp that is not ISO 8601', () => {
    rejected(withProps({ timestamp: 'should fail' }), 'statement.timestamp: must be an ISO 8601 timestamp');
    rejected(withProps({ timestamp: '01/011/2015' }), 'statement.timestamp');
    rejected(withProps({ stored: '2013-02-30T00:00:00Z' }), 'statement.stored');
  });

  it('Data 4.5.s1.b4: rejects a timestamp without a time zone', () => {
    rejected(withProps({ timestamp: '2013-05-18T05:32:34.804' }), 'statement.timestamp');
  });

  it('Data 4.5 (RFC 3339 4.3): rejects the "unknown local offset" -00:00, -0000 and -00', () => {
    for (const timestamp of [
      '2008-09-15T15:53:00.601-00:00',
      '2008-09-15T15:53:00.601-0000',
      '2008-09-15T15:53:00.601-00',
    ]) {
      rejected(withProps({ timestamp }), 'statement.timestamp');
    }
    accepted(withProps({ timestamp: '2008-09-15T15:53:00.601+00:00' }));
  });

  it('Data 2.4.7.s3.b5: rejects a malformed timestamp inside a SubStatement too', () => {
    const statement = plannedSubStatement();
    (statement.object as Record<string, unknown>).timestamp = '2008-09-15T15:53:00.601-00:00';
    rejected(statement, 'statement.object.timestamp');
  });
});

describe('Data 2.4.10 Version', () => {
  it('Data 2.4.10.s3.b1: accepts versions starting with 1.0. (and "1.0")', () => {
    for (const version of ['1.0.0', '1.0.3', '1.0.9', '1.0']) accepted(withProps({ version }));
  });

  it('Data 2.4.10.s3.b2: rejects versions that do not start with 1.0.', () => {
    for (const version of ['1.1.0', '0.9.9', '0.95', '2.0.0', 'should fail', '1.0.x']) {
      rejected(withProps({ version }), 'statement.version: must be "1.0.0" or another 1.0.x version');
    }
  });
});

describe('Data 2.3.2 Voiding', () => {
  it('Data 2.3.2.s2.b1: rejects a voiding Statement whose object is not a StatementRef', () => {
    rejected(
      withProps({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }),
      'statement.object.objectType: MUST be "StatementRef" in a voiding Statement',
    );
  });

  it('Data 2.3.2.s2.b2: rejects a voiding Statement whose StatementRef id is not a UUID', () => {
    const statement = voiding();
    statement.object = { objectType: 'StatementRef', id: 'not-a-uuid' };
    rejected(statement, 'statement.object.id: must be a UUID');
  });
});

describe('Communication 2.1.2 POST Statements (batches)', () => {
  it('accepts a single Statement or an array of Statements', () => {
    expect(validateStatements(simplest())).toMatchObject({ ok: true, statements: [{ id: simplest().id }] });
    const batch = validateStatements([simplest(), { ...longExample() }]);
    expect(batch.ok && batch.statements).toHaveLength(2);
  });

  it('accepts an empty batch', () => {
    expect(validateStatements([])).toEqual({ ok: true, statements: [] });
  });

  it('Communication 3.2.s3.b9: rejects the whole batch when one Statement is rejected, naming its index', () => {
    const result = validateStatements([simplest(), withProps({ id: undefined, verb: { id: 'nope' } })]);
    expect(result).toEqual({
      ok: false,
      errors: [
        'statements[1].verb.id: must be an IRI with a scheme, e.g. "https://example.org/a" (Data 4.3)',
      ],
    });
  });

  it('Communication 2.1.2.s2.b6: rejects a batch holding two Statements with the same id', () => {
    const upper = withProps({ id: '12345678-1234-5678-1234-567812345678'.toUpperCase() });
    const result = validateStatements([simplest(), longExample(), upper]);
    expect(result).toEqual({
      ok: false,
      errors: ['statements[2].id: duplicates the id of statements[0] (Communication 2.1.2.s2.b6)'],
    });
  });
});
