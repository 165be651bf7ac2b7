import { describe, expect, it } from 'vitest';
import {
  accepted,
  interactionDefinitions,
  plannedSubStatement,
  rejected,
  subStatementWithRef,
  withDefinition,
  withProps,
} from './fixtures.ts';

type Json = Record<string, unknown>;

describe('Data 2.4.4.1 When the ObjectType is Activity', () => {
  it('Data 2.4.4.1.s1: rejects an Activity without id, or with an id that is not an IRI', () => {
    rejected(withProps({ object: { objectType: 'Activity' } }), 'statement.object.id: is required');
    rejected(withProps({ object: { id: 'ab=c://should.fail.com' } }), 'statement.object.id: must be an IRI');
    rejected(withProps({ object: { id: 'http://example.com/a b' } }), 'statement.object.id: must be an IRI');
  });

  it('Data 2.4.4.1.s2: rejects a definition that is not an object', () => {
    rejected(withDefinition('should error'), 'statement.object.definition: must be an object, not a string');
  });

  it('Data 2.4.4.1.s2: rejects name and description that are not language maps', () => {
    rejected(withDefinition({ name: 'should error' }), 'statement.object.definition.name: must be an object');
    rejected(
      withDefinition({ description: 12345 }),
      'statement.object.definition.description: must be an object',
    );
    rejected(
      withDefinition({ name: { a12345: 'x' } }),
      'statement.object.definition.name.a12345: key must be an RFC 5646',
    );
    rejected(
      withDefinition({ description: {} }),
      'statement.object.definition.description: must not be an empty object',
    );
  });

  it('Data 2.4.4.1.s2: rejects a type that is not an IRI and a moreInfo that is not an IRL', () => {
    rejected(withDefinition({ type: 'should error' }), 'statement.object.definition.type: must be an IRI');
    rejected(
      withDefinition({ moreInfo: 'should error' }),
      'statement.object.definition.moreInfo: must be an IRL',
    );
    rejected(withDefinition({ moreInfo: null }), 'statement.object.definition.moreInfo: must not be null');
  });

  it('Data 4.1: rejects definition extensions that are not an object, or keyed by non-IRIs', () => {
    rejected(
      withDefinition({ extensions: 'should error' }),
      'statement.object.definition.extensions: must be an object',
    );
    rejected(
      withDefinition({ extensions: { id: 'valid', description: { 'en-US': 'valid' } } }),
      'statement.object.definition.extensions.id: extension key must be an IRI',
    );
    accepted(withDefinition({ extensions: { 'http://example.com/null': null } }));
  });

  it('Data 2.2.s2.b1: rejects an empty definition', () => {
    rejected(withDefinition({}), 'statement.object.definition: must not be an empty object');
  });
});

describe('Data 2.4.4.1.s6 Interaction Activities', () => {
  it('Data Appendix C: accepts the example definition of every interactionType', () => {
    for (const definition of Object.values(interactionDefinitions())) accepted(withDefinition(definition));
  });

  it('Data 2.4.4.1.s13.b1: rejects an interactionType that is not one of the ten values (case-sensitive)', () => {
    for (const interactionType of ['true-faLse', 'Choice', 'fill_in', 'http://example.com/type', 12345]) {
      rejected(withDefinition({ interactionType }), 'statement.object.definition.interactionType');
    }
    rejected(withDefinition({ interactionType: 'Other' }), 'must be one of "true-false", "choice"');
  });

  it('Data 2.4.4.1.s8: rejects interaction properties without an interactionType (XAPI-00064)', () => {
    for (const definition of Object.values(interactionDefinitions())) {
      const { interactionType: _, ...withoutType } = definition;
      rejected(
        withDefinition(withoutType),
        'is only allowed in an Interaction Activity, which needs an "interactionType"',
      );
    }
  });

  it('Data 2.4.4.1.s8: accepts an Interaction Activity with only its interactionType', () => {
    accepted(withDefinition({ interactionType: 'choice' }));
  });

  it('Data 2.4.4.1.s15: rejects component lists not supported by the interactionType', () => {
    const components = [{ id: 'a' }];
    rejected(
      withDefinition({ interactionType: 'likert', choices: components }),
      'statement.object.definition.choices: is not supported for interactionType "likert", only for "choice" and "sequencing"',
    );
    rejected(
      withDefinition({ interactionType: 'choice', scale: components }),
      'definition.scale: is not supported',
    );
    rejected(
      withDefinition({ interactionType: 'true-false', source: components }),
      'definition.source: is not supported',
    );
    rejected(
      withDefinition({ interactionType: 'numeric', target: components }),
      'definition.target: is not supported',
    );
    rejected(
      withDefinition({ interactionType: 'fill-in', steps: components }),
      'definition.steps: is not supported',
    );
  });

  it('Data 2.4.4.1.s16.b1: rejects duplicate component ids within a list', () => {
    rejected(
      withDefinition({
        interactionType: 'choice',
        choices: [{ id: 'golf' }, { id: 'tetris' }, { id: 'golf' }],
      }),
      'statement.object.definition.choices[2].id: duplicates the id of choices[0]',
    );
  });

  it('Data 2.4.4.1.s16: allows the same id in the source and target lists', () => {
    accepted(withDefinition({ interactionType: 'matching', source: [{ id: '1' }], target: [{ id: '1' }] }));
  });

  it('Data 2.4.4.1.s15: rejects malformed interaction components', () => {
    rejected(
      withDefinition({ interactionType: 'choice', choices: [{ description: { 'en-US': 'x' } }] }),
      'choices[0].id: is required',
    );
    rejected(
      withDefinition({
        interactionType: 'choice',
        choices: [{ id: 'a', description: { 'de-419-DE': 'x' } }],
      }),
      'choices[0].description["de-419-DE"]: key must be an RFC 5646 language tag',
    );
    rejected(
      withDefinition({ interactionType: 'choice', choices: [{ id: 'a', label: 'x' }] }),
      'choices[0].label',
    );
  });

  it('Data 2.4.4.1.s8: rejects a correctResponsesPattern that is not an array of strings', () => {
    rejected(
      withDefinition({ interactionType: 'true-false', correctResponsesPattern: 'true' }),
      'correctResponsesPattern: must be an array',
    );
    rejected(
      withDefinition({ interactionType: 'numeric', correctResponsesPattern: [4] }),
      'correctResponsesPattern[0]: must be a string',
    );
  });

  it('Data 2.4.4.1.s11: accepts an empty correctResponsesPattern (no correct answer)', () => {
    accepted(withDefinition({ interactionType: 'fill-in', correctResponsesPattern: [] }));
  });
});

describe('Data 2.4.4.2 When the "Object" is an Agent or a Group', () => {
  it('accepts an Agent or a Group object that specifies objectType', () => {
    const agent = accepted(withProps({ object: { objectType: 'Agent', mbox: 'mailto:jeff@example.com' } }));
    expect(agent.object).toEqual({ objectType: 'Agent', mbox: 'mailto:jeff@example.com' });
    accepted(withProps({ object: { objectType: 'Group', member: [{ mbox: 'mailto:jeff@example.com' }] } }));
  });

  it('Data 2.4.4.2.s1.b1: rejects an Agent or a Group object without objectType', () => {
    const message = 'statement.object.objectType: is required when the Object is an Agent or a Group';
    rejected(withProps({ object: { mbox: 'mailto:jeff@example.com' } }), message);
    rejected(withProps({ object: { member: [{ mbox: 'mailto:jeff@example.com' }] } }), message);
  });

  it('Data 2.4.4.2: applies the Agent rules to an Agent object', () => {
    rejected(
      withProps({
        object: { objectType: 'Agent', mbox: 'mailto:a@example.com', openid: 'http://openid.example.org/' },
      }),
      'statement.object: an Agent MUST NOT include more than one',
    );
  });
});

describe('Data 2.4.4.3 When the "Object" is a Statement: Statement References', () => {
  it('Data 2.4.4.3.s4.b2: rejects a StatementRef without a UUID id', () => {
    rejected(withProps({ object: { objectType: 'StatementRef' } }), 'statement.object.id: is required');
    rejected(
      withProps({ object: { objectType: 'StatementRef', id: 'AA97B177-9383-4934-8543-0F91A7A028368' } }),
      'statement.object.id: must be a UUID',
    );
    rejected(
      withProps({ object: { objectType: 'StatementRef', id: 12345 } }),
      'statement.object.id: must be a string',
    );
  });

  it('Data 2.4.4.3.s4: rejects properties other than objectType and id', () => {
    rejected(
      withProps({
        object: { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0', definition: {} },
      }),
      'statement.object.definition: is not an allowed property here',
    );
  });
});

describe('Data 2.4.4.3 When the "Object" is a Statement: SubStatements', () => {
  function sub(props: Json): Json {
    const statement = plannedSubStatement();
    statement.object = { ...(statement.object as Json), ...props };
    return statement;
  }

  it('Data 2.4.4.3.s8.b1: rejects an objectType that is not exactly "SubStatement"', () => {
    rejected(sub({ objectType: 'substatement' }), 'statement.object.objectType: must be one of');
  });

  it('Data 2.4.4.3.s8.b2: validates a SubStatement as a Statement (actor, verb, object required)', () => {
    rejected(sub({ actor: undefined }), 'statement.object.actor: is required');
    rejected(sub({ verb: undefined }), 'statement.object.verb: is required');
    rejected(sub({ object: undefined }), 'statement.object.object: is required');
    rejected(sub({ actor: { mbox: 'nope' } }), 'statement.object.actor.mbox: must be a mailto IRI');
    rejected(
      sub({ result: { score: { scaled: 2 } } }),
      'statement.object.result.score.scaled: must be between -1 and 1',
    );
  });

  it('Data 2.4.4.3.s8.b2: accepts context, result, timestamp and Agent/Group/StatementRef objects in a SubStatement', () => {
    accepted(
      sub({
        result: { completion: true },
        context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7', platform: 'web' },
        timestamp: '2099-01-01T00:00:00Z',
      }),
    );
    accepted(sub({ object: { objectType: 'Agent', mbox: 'mailto:a@example.com' } }));
    accepted(sub({ object: { objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }] } }));
    accepted(subStatementWithRef());
  });

  it('Data 2.4.4.3.s8.b3: rejects a SubStatement with id, stored, version or authority', () => {
    rejected(
      sub({ id: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0' }),
      'statement.object.id: is not allowed: a SubStatement MUST NOT have "id"',
    );
    rejected(
      sub({ stored: '2013-05-18T05:32:34.804Z' }),
      'statement.object.stored: is not allowed: a SubStatement MUST NOT have "stored"',
    );
    rejected(
      sub({ version: '1.0.0' }),
      'statement.object.version: is not allowed: a SubStatement MUST NOT have "version"',
    );
    rejected(
      sub({ authority: { mbox: 'mailto:a@example.com' } }),
      'statement.object.authority: is not allowed',
    );
  });

  it('Data 2.4.4.3.s8.b4: rejects a SubStatement nested in a SubStatement', () => {
    rejected(
      sub({ object: plannedSubStatement().object }),
      'statement.object.object.objectType: a SubStatement MUST NOT contain a SubStatement',
    );
  });

  it('Data 2.4.4.2.s1.b1: rejects an Agent object without objectType inside a SubStatement', () => {
    rejected(
      sub({ object: { mbox: 'mailto:a@example.com' } }),
      'statement.object.object.objectType: is required',
    );
  });

  it("Data 2.4.6.s4: applies the revision/platform rule to the SubStatement's own object", () => {
    rejected(
      sub({ object: { objectType: 'Agent', mbox: 'mailto:a@example.com' }, context: { revision: '2' } }),
      "statement.object.context.revision: MUST only be used when the Statement's Object is an Activity, not an Agent",
    );
  });
});
