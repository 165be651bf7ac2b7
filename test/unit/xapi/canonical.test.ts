import { describe, expect, it } from 'vitest';
import {
  canonicalFormat,
  idsFormat,
  parseAcceptLanguage,
  pickLanguage,
  type Statement,
} from '../../../packages/xapi/src/index.ts';
import {
  accepted,
  interactionDefinitions,
  longExample,
  plannedSubStatement,
  withDefinition,
  withProps,
} from './fixtures.ts';

describe('Communication 2.1.3.s4 language filtering (RFC 2616 14.4 Accept-Language)', () => {
  it('orders ranges by q-value, keeps header order for ties and drops q=0', () => {
    expect(parseAcceptLanguage('en;q=0.5, fr-FR, fr;q=0.9, de;q=0, *;q=0.1')).toEqual([
      'fr-FR',
      'fr',
      'en',
      '*',
    ]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage('')).toEqual([]);
  });

  it('picks the first preference matching exactly or as a prefix, case-insensitively', () => {
    const map = { 'en-US': 'hello', 'fr-FR': 'bonjour', es: 'hola' };
    expect(pickLanguage(map, ['fr-fr'])).toBe('fr-FR');
    expect(pickLanguage(map, ['fr'])).toBe('fr-FR');
    expect(pickLanguage(map, ['de', 'es'])).toBe('es');
    expect(pickLanguage(map, ['*'])).toBe('en-US');
  });

  it('falls back to the primary language, then to the first entry, so that one language is always returned', () => {
    expect(pickLanguage({ 'en-GB': 'colour', fr: 'couleur' }, ['fr-CA'])).toBe('fr');
    expect(pickLanguage({ 'en-GB': 'colour', 'fr-FR': 'couleur' }, ['fr-CA'])).toBe('fr-FR');
    expect(pickLanguage({ 'en-GB': 'colour', de: 'Farbe' }, ['ja'])).toBe('en-GB');
    expect(pickLanguage({ 'en-GB': 'colour' }, [])).toBe('en-GB');
  });
});

describe('Communication 2.1.3 format=canonical', () => {
  it('Communication 2.1.3.s4.b1: keeps one language in Activity names, descriptions and interaction components', () => {
    const statement = accepted(
      withDefinition({
        ...interactionDefinitions().choice,
        name: { 'en-US': 'Prototypes', 'fr-FR': 'Prototypes (fr)' },
        description: { 'en-US': 'Which?', 'fr-FR': 'Lesquels ?' },
        choices: [{ id: 'golf', description: { 'en-US': 'Golf', 'fr-FR': 'Le golf' } }, { id: 'none' }],
      }),
    );
    const canonical = canonicalFormat(statement, ['fr']);
    expect(canonical.object).toMatchObject({
      definition: {
        name: { 'fr-FR': 'Prototypes (fr)' },
        description: { 'fr-FR': 'Lesquels ?' },
        choices: [{ id: 'golf', description: { 'fr-FR': 'Le golf' } }, { id: 'none' }],
        correctResponsesPattern: ['golf[,]tetris'],
      },
    });
  });

  it('Data 2.4.3.s6.b3: returns one language of the Verb display, from the LRS canonical display when known', () => {
    const statement = accepted(longExample());
    expect(canonicalFormat(statement, ['en-GB']).verb).toEqual({
      id: 'http://adlnet.gov/expapi/verbs/attended',
      display: { 'en-GB': 'attended' },
    });
    const sources = { verbDisplay: () => ({ 'fr-FR': 'a participé', 'en-US': 'attended' }) };
    expect(canonicalFormat(statement, ['fr'], sources).verb.display).toEqual({ 'fr-FR': 'a participé' });
  });

  it('uses the LRS canonical Activity Definition, for the object and the context Activities', () => {
    const statement = accepted(longExample());
    const canonical = canonicalFormat(statement, ['en'], {
      activityDefinition: (id) => ({ name: { en: `canonical ${id}`, fr: 'x' } }),
    });
    expect(canonical.object).toEqual({
      objectType: 'Activity',
      id: 'http://www.example.com/meetings/occurances/34534',
      definition: { name: { en: 'canonical http://www.example.com/meetings/occurances/34534' } },
    });
    expect(canonical.context?.contextActivities?.parent?.[0]?.definition?.name).toEqual({
      en: 'canonical http://www.example.com/meetings/series/267',
    });
  });

  it('returns Agents and Groups exactly as stored, and leaves the rest of the Statement untouched', () => {
    const statement: Statement = accepted(longExample());
    const canonical = canonicalFormat(statement, ['en-US']);
    expect(canonical.actor).toEqual(statement.actor);
    expect(canonical.result).toEqual(statement.result);
    expect(canonical.authority).toEqual(statement.authority);
    expect(canonical.context?.instructor).toEqual(statement.context?.instructor);
    expect(statement.verb.display).toEqual({ 'en-GB': 'attended', 'en-US': 'attended' });
  });

  it('filters the language maps inside a SubStatement too', () => {
    const canonical = canonicalFormat(accepted(plannedSubStatement()), ['en']);
    expect(canonical.object).toMatchObject({
      objectType: 'SubStatement',
      verb: { display: { 'en-US': 'will visit' } },
    });
  });
});

describe('Communication 2.1.3 format=ids', () => {
  it('reduces Agents to their IFI, Activities to their id and Verbs to their id', () => {
    const ids = idsFormat(accepted(longExample()));
    expect(ids.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/attended' });
    expect(ids.object).toEqual({
      objectType: 'Activity',
      id: 'http://www.example.com/meetings/occurances/34534',
    });
    expect(ids.actor).toEqual({ objectType: 'Group', mbox: 'mailto:teampb@example.com' });
    expect(ids.context?.instructor).toEqual({
      objectType: 'Agent',
      account: { homePage: 'http://www.example.com', name: '13936749' },
    });
    expect(ids.context?.contextActivities?.category).toEqual([
      { objectType: 'Activity', id: 'http://www.example.com/meetings/categories/teammeeting' },
    ]);
    expect(ids.authority).toEqual({
      objectType: 'Agent',
      account: { homePage: 'http://cloud.scorm.com/', name: 'anonymous' },
    });
    expect(ids.result).toEqual(accepted(longExample()).result);
  });

  it('identifies an Anonymous Group by the IFIs of its members', () => {
    const statement = accepted(
      withProps({
        actor: {
          objectType: 'Group',
          name: 'Ad hoc',
          member: [
            { name: 'A', mbox: 'mailto:a@example.com' },
            { name: 'B', openid: 'http://b.example.org/' },
          ],
        },
      }),
    );
    expect(idsFormat(statement).actor).toEqual({
      objectType: 'Group',
      member: [
        { objectType: 'Agent', mbox: 'mailto:a@example.com' },
        { objectType: 'Agent', openid: 'http://b.example.org/' },
      ],
    });
  });

  it('applies to the inside of a SubStatement', () => {
    const ids = idsFormat(accepted(plannedSubStatement()));
    expect(ids.object).toEqual({
      objectType: 'SubStatement',
      actor: { objectType: 'Agent', mbox: 'mailto:test@example.com' },
      verb: { id: 'http://example.com/visited' },
      object: { objectType: 'Activity', id: 'http://example.com/website' },
    });
  });
});
