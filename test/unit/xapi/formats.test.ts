import { describe, expect, it } from 'vitest';
import {
  durationForComparison,
  isIri,
  isIrl,
  isLanguageTag,
  isMailtoIri,
  isUri,
  isUuid,
  parseDuration,
  parseTimestamp,
  toUtcTimestamp,
} from '../../../packages/xapi/src/index.ts';

describe('Data 4.3 IRIs', () => {
  it('accepts absolute IRIs, including non-ASCII ones and URNs', () => {
    for (const iri of [
      'http://adlnet.gov/expapi/verbs/attended',
      'https://example.com/xapi/verbs#defenestrated',
      'http://example.com/فعل/خواندن',
      'urn:uuid:6690e6c9-3ef0-4ed3-8b37-7f3964730bee',
      'tag:example.com,2024:activity/1',
      'https://www.youtube.com/watch?v=xh4kIiH3Sm8',
    ]) {
      expect(isIri(iri), iri).toBe(true);
    }
  });

  it('Data 2.2.s4.b1.b8: rejects values without a valid scheme, with spaces or broken escapes', () => {
    for (const value of [
      '',
      'example.com/a',
      '/relative/path',
      'ab=c://should.fail.com',
      '1http://example.com',
      'http://example.com/a b',
      'http://example.com/<a>',
      'http://example.com/%zz',
      'http://example.com/a#b#c',
      'http:',
      'http:/no-authority',
    ]) {
      expect(isIri(value), value).toBe(false);
    }
  });

  it('IRLs follow the IRI format; URIs (openid) are ASCII only', () => {
    expect(isIrl('http://virtualmeeting.example.com/345256')).toBe(true);
    expect(isUri('http://toby.openid.example.org/')).toBe(true);
    expect(isUri('http://example.com/é')).toBe(false);
  });
});

describe('Data 4.4 UUIDs and Data 2.4.2.3 mailto IRIs', () => {
  it('accepts UUIDs of any version and variant in standard string form, either case', () => {
    expect(isUuid('6690e6c9-3ef0-4ed3-8b37-7f3964730bee')).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(isUuid('6690E6C9-3EF0-1ED3-CB37-7F3964730BEE')).toBe(true);
    expect(isUuid('{6690e6c9-3ef0-4ed3-8b37-7f3964730bee}')).toBe(false);
    expect(isUuid('6690e6c93ef04ed38b377f3964730bee')).toBe(false);
  });

  it('accepts "mailto:" followed by an e-mail address only', () => {
    expect(isMailtoIri('mailto:xapi@adlnet.gov')).toBe(true);
    expect(isMailtoIri('mailto:first.last+tag@sub.example.fr')).toBe(true);
    for (const value of [
      'xapi@adlnet.gov',
      'MAILTO:xapi@adlnet.gov',
      'mailto:adlnet.gov',
      'mailto:a@b@c',
      'mailto:a@b.c?subject=x',
      'mailto: a@b.c',
    ]) {
      expect(isMailtoIri(value), value).toBe(false);
    }
  });
});

describe('Data 4.2 / RFC 5646 language tags', () => {
  it('checks the subtag sequence and the uniqueness of variants and extension singletons', () => {
    expect(isLanguageTag('fr-FR')).toBe(true);
    expect(isLanguageTag('FR-fr')).toBe(true);
    expect(isLanguageTag('en-a-bbb-x-a-ccc')).toBe(true);
    expect(isLanguageTag('es-419')).toBe(true);
    expect(isLanguageTag('tlh')).toBe(true);
    expect(isLanguageTag('supercalifragilisticexpialidociouswhatabouthhhhhhh')).toBe(false);
    expect(isLanguageTag('ar-a-aaa-b-bbb-a-ccc')).toBe(false);
    expect(isLanguageTag('de-1901-1901')).toBe(false);
    expect(isLanguageTag('en-')).toBe(false);
    expect(isLanguageTag('en--US')).toBe(false);
  });
});

describe('Data 4.5 ISO 8601 Timestamps', () => {
  const instant = Date.UTC(2013, 4, 18, 5, 32, 34, 804);

  it('parses extended and basic formats with Z or an offset', () => {
    expect(parseTimestamp('2013-05-18T05:32:34.804Z')?.epochMs).toBe(instant);
    expect(parseTimestamp('2013-05-18T07:32:34.804+02:00')).toEqual({
      epochMs: instant,
      offsetMinutes: 120,
      fraction: '804',
    });
    expect(parseTimestamp('20130518T013234.804-0400')?.epochMs).toBe(instant);
    expect(parseTimestamp('2013-05-18T05:32:34,804+00')?.epochMs).toBe(instant);
    expect(parseTimestamp('2013-05-18t05:32:34.804z')?.epochMs).toBe(instant);
  });

  it('parses reduced precision times, ordinal dates and week dates', () => {
    expect(parseTimestamp('2013-05-18T05:32Z')?.epochMs).toBe(Date.UTC(2013, 4, 18, 5, 32));
    expect(parseTimestamp('2013-138T05:32:34.804Z')?.epochMs).toBe(instant);
    expect(parseTimestamp('2013-W20-6T05:32:34.804Z')?.epochMs).toBe(instant);
    expect(parseTimestamp('2013W206T053234.804Z')?.epochMs).toBe(instant);
    expect(parseTimestamp('2013-05-18T24:00:00Z')?.epochMs).toBe(Date.UTC(2013, 4, 19));
  });

  it('keeps sub-millisecond digits as written but truncates epochMs (Data 4.5.s1.b7)', () => {
    expect(parseTimestamp('2013-05-18T05:32:34.8049999Z')).toEqual({
      epochMs: instant,
      offsetMinutes: 0,
      fraction: '8049999',
    });
  });

  it('rejects impossible dates and times', () => {
    for (const value of [
      '2013-02-29T00:00:00Z',
      '2013-13-01T00:00:00Z',
      '2013-05-18T25:00:00Z',
      '2013-05-18T24:00:01Z',
      '2013-05-18T05:60:00Z',
      '2013-05-18T05:32:34.804+24:00',
      '2013-W54-1T00:00:00Z',
      '2013-366T00:00:00Z',
    ]) {
      expect(parseTimestamp(value), value).toBeUndefined();
    }
    expect(parseTimestamp('2012-02-29T00:00:00Z')).toBeDefined();
  });

  it('Data 4.5.s1.b4: rejects timestamps without a time zone, and -00:00 (RFC 3339 4.3)', () => {
    expect(parseTimestamp('2013-05-18T05:32:34.804')).toBeUndefined();
    expect(parseTimestamp('2013-05-18')).toBeUndefined();
    expect(parseTimestamp('2008-09-15T15:53:00.601-00:00')).toBeUndefined();
    expect(parseTimestamp('2008-09-15T15:53:00.601-0000')).toBeUndefined();
    expect(parseTimestamp('2008-09-15T15:53:00.601-00')).toBeUndefined();
    expect(parseTimestamp('July 04, 1776 16:00:45')).toBeUndefined();
  });

  it('Data 4.5.s1.b6: re-serialises in UTC with millisecond precision', () => {
    expect(toUtcTimestamp('2013-05-18T07:32:34.80499+02:00')).toBe('2013-05-18T05:32:34.804Z');
    expect(toUtcTimestamp('nope')).toBeUndefined();
  });
});

describe('Data 4.6 ISO 8601 Durations', () => {
  it('parses the designator format, with a fraction on the smallest unit only', () => {
    expect(parseDuration('P3Y1M29DT4H35M59.14S')).toEqual({
      years: 3,
      months: 1,
      weeks: 0,
      days: 29,
      hours: 4,
      minutes: 35,
      seconds: 59.14,
    });
    expect(parseDuration('P4W')?.weeks).toBe(4);
    expect(parseDuration('PT0,5S')?.seconds).toBe(0.5);
    expect(parseDuration('PT1.5H')?.hours).toBe(1.5);
    expect(parseDuration('PT1.5H30M')).toBeUndefined();
  });

  it('rejects the alternative format, weeks combined with other units and empty durations', () => {
    for (const value of [
      'P0003-06-04T12:30:05',
      'P4W1D',
      'P',
      'PT',
      'P1DT',
      '-P1D',
      'P1S',
      'PA1H0M0S',
      'P1Y2Y',
    ]) {
      expect(parseDuration(value), value).toBeUndefined();
    }
  });

  it('Data 4.6.s1.b5: compares durations to 0.01 second', () => {
    expect(durationForComparison('PT1.23456S')).toBe('PT1.23S');
    expect(durationForComparison('PT1H')).toBe('PT1H');
  });
});
