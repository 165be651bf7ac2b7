import { describe, it } from 'vitest';
import { accepted, rejected, signedStatement, withDefinition, withProps } from './fixtures.ts';

function attachment(props: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    usageType: 'http://example.com/attachment-usage/test',
    display: { 'en-US': 'A test attachment', de: 'Eine Testbefestigung' },
    description: { 'en-US': 'A test attachment (description)' },
    contentType: 'text/plain; charset=ascii',
    length: 27,
    sha2: '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a',
    fileUrl: 'http://over.there.com/file.txt',
  };
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

function withAttachment(props: Record<string, unknown>) {
  return withProps({ attachments: [attachment(props)] });
}

describe('Data 2.4.11 Attachments', () => {
  it('accepts a complete Attachment, and one without the optional description and fileUrl', () => {
    accepted(withAttachment({}));
    accepted(withAttachment({ description: undefined, fileUrl: undefined }));
    accepted(signedStatement());
  });

  it('rejects attachments that are not an array of objects', () => {
    rejected(
      withProps({ attachments: attachment() }),
      'statement.attachments: must be an array, not an object',
    );
    rejected(withProps({ attachments: ['x'] }), 'statement.attachments[0]: must be an object, not a string');
  });

  it('rejects an Attachment missing a required property', () => {
    for (const property of ['usageType', 'display', 'contentType', 'length', 'sha2']) {
      rejected(
        withAttachment({ [property]: undefined }),
        `statement.attachments[0].${property}: is required`,
      );
    }
  });

  it('rejects a usageType that is not an IRI and a fileUrl that is not an IRL', () => {
    rejected(
      withAttachment({ usageType: 'signature' }),
      'statement.attachments[0].usageType: must be an IRI',
    );
    rejected(withAttachment({ fileUrl: 'file.txt' }), 'statement.attachments[0].fileUrl: must be an IRL');
  });

  it('rejects a length that is not a non-negative integer', () => {
    rejected(
      withAttachment({ length: '27' }),
      'statement.attachments[0].length: must be a number, not a string',
    );
    rejected(
      withAttachment({ length: 2.5 }),
      'statement.attachments[0].length: must be a whole number of octets',
    );
    rejected(withAttachment({ length: -1 }), 'statement.attachments[0].length: must not be negative');
  });

  it('rejects a sha2 that is not a hex SHA-2 hash, and a contentType that is not a media type', () => {
    rejected(
      withAttachment({ sha2: 'abc' }),
      'statement.attachments[0].sha2: must be the hex digits of a SHA-2 hash',
    );
    rejected(
      withAttachment({ contentType: 'text' }),
      'statement.attachments[0].contentType: must be an Internet Media Type',
    );
  });

  it('rejects display and description that are not valid language maps', () => {
    rejected(
      withAttachment({ display: {} }),
      'statement.attachments[0].display: must not be an empty object',
    );
    rejected(
      withAttachment({ display: 'should error' }),
      'statement.attachments[0].display: must be an object',
    );
    rejected(
      withAttachment({ display: { 'en-US': 'x', 'de-419-DE': 'y' } }),
      'statement.attachments[0].display["de-419-DE"]: key must be an RFC 5646 language tag',
    );
    rejected(
      withAttachment({ description: {} }),
      'statement.attachments[0].description: must not be an empty object',
    );
  });

  it('Data 2.4.11: accepts Attachments on a SubStatement', () => {
    const statement = withProps({
      object: {
        objectType: 'SubStatement',
        actor: { mbox: 'mailto:a@example.com' },
        verb: { id: 'http://example.com/v' },
        object: { id: 'http://example.com/a' },
        attachments: [attachment()],
      },
    });
    accepted(statement);
  });
});

describe('Data 4.2 Language Maps', () => {
  it('Data 2.2.s4.b2: accepts well-formed RFC 5646 keys, including grandfathered and private-use tags', () => {
    for (const tag of [
      'de',
      'ine',
      'zh-Hant',
      'sr-Latn',
      'zh-cmn-Hans-CN',
      'sr-Latn-RS',
      'sl-rozaj-biske',
      'de-CH-1901',
      'hy-Latn-IT-arevela',
      'de-DE',
      'az-Arab-x-AZE-derbend',
      'x-whatever',
      'i-enochian',
      'en-GB-oed',
    ]) {
      accepted(withProps({ verb: { id: 'http://example.com/v', display: { [tag]: 'x' } } }));
    }
  });

  it('Data 2.2.s4.b2: rejects keys that are not RFC 5646 language tags', () => {
    for (const tag of [
      'de-419-DE',
      'a-DE',
      'ar-a-aaa-b-bbb-a-ccc',
      'en_US',
      'a12345',
      '',
      'de-DE-1901-1901',
      'english!',
    ]) {
      rejected(
        withProps({ verb: { id: 'http://example.com/v', display: { [tag]: 'x' } } }),
        'key must be an RFC 5646 language tag',
      );
    }
  });

  it('Data 4.2: rejects a language map that is empty, not an object, or holds non-string values', () => {
    rejected(
      withProps({ verb: { id: 'http://example.com/v', display: {} } }),
      'statement.verb.display: must not be an empty object',
    );
    rejected(
      withProps({ verb: { id: 'http://example.com/v', display: 'visited' } }),
      'statement.verb.display: must be an object',
    );
    rejected(
      withProps({ verb: { id: 'http://example.com/v', display: { en: 5 } } }),
      'statement.verb.display.en: must be a string',
    );
    rejected(
      withDefinition({ name: ['x'] }),
      'statement.object.definition.name: must be an object, not an array',
    );
  });
});

describe('Data 4.1 Extensions', () => {
  it('Data 4.1.s3.b2: accepts any JSON value, never rejecting on values', () => {
    accepted(
      withProps({
        context: {
          extensions: {
            'http://example.com/a': null,
            'http://example.com/b': [1, { deep: { deeper: true } }],
            'urn:example:c': 'X:\\meetings',
          },
        },
      }),
    );
  });

  it('Data 4.1.s3.b1: rejects extension keys that are not IRIs', () => {
    rejected(
      withProps({ context: { extensions: { site: 'x' } } }),
      'statement.context.extensions.site: extension key must be an IRI',
    );
    rejected(
      withProps({ context: { extensions: [] } }),
      'statement.context.extensions: must be an object, not an array',
    );
  });
});
