import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SIGNED_APPENDIX_D_JWS } from '../unit/xapi/signature-fixture.ts';
import { agent, lrs, multipartBody, statement } from './support/lrs.ts';

/**
 * xAPI 1.0.3 Statement resource, writes: Communication 2.1.1 (PUT), 2.1.2 (POST), 1.5 (content types, attachments),
 * Data 2.2 (validation, rejections), 2.3.1 (comparison), 2.3.2 (voiding), 2.6 (signatures), 2.4.7-2.4.10 (LRS-set
 * properties). Test names carry the requirement ids.
 */

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

async function getStatement(id: string, query: Record<string, string> = {}) {
  return lrs<Record<string, unknown>>('GET', '/statements', { query: { statementId: id, ...query } });
}

describe('Communication 2.1.2 POST Statements', () => {
  it('2.1.2.s1: stores one Statement and returns 200 with an array of its id', async () => {
    const r = await lrs<string[]>('POST', '/statements', { json: statement() });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(1);
    expect(r.body[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('x-experience-api-version')).toBe('1.0.3');
  });

  it('2.1.2.s1: stores a batch and returns the ids in order, keeping given ids', async () => {
    const given = randomUUID();
    const r = await lrs<string[]>('POST', '/statements', {
      json: [statement(), statement({ id: given }), statement()],
    });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(3);
    expect(r.body[1]).toBe(given);
  });

  it('Data 2.4.1.s2.b1, 2.4.7.s3.b2, 2.4.8.s3.b2, 2.4.9.s3.b3, 2.4.10.s3.b3: the LRS sets id, timestamp, stored, authority, version', async () => {
    const r = await lrs<string[]>('POST', '/statements', {
      json: statement({ stored: '2001-01-01T00:00:00Z', authority: agent('impostor') }),
    });
    const got = await getStatement(r.body[0]!);
    expect(got.status).toBe(200);
    const s = got.body;
    expect(s['id']).toBe(r.body[0]);
    expect(s['stored']).not.toBe('2001-01-01T00:00:00Z');
    expect(s['timestamp']).toBe(s['stored']);
    expect(s['version']).toBe('1.0.0');
    expect((s['authority'] as { account: { homePage: string } }).account.homePage).toMatch(/lrs-clients$/);
    expect(got.headers.get('last-modified')).toBe(new Date(String(s['stored'])).toUTCString());
  });

  it('Data 2.4.10.s3.b3: a Statement keeps the 1.0.x version it was sent with', async () => {
    const r = await lrs<string[]>('POST', '/statements', { json: statement({ version: '1.0.3' }) });
    expect((await getStatement(r.body[0]!)).body['version']).toBe('1.0.3');
  });

  it('Communication 3.2.s3.b9: a batch with one invalid Statement is rejected whole (400), nothing stored', async () => {
    const ok = statement({ id: randomUUID() });
    const r = await lrs('POST', '/statements', {
      json: [ok, { ...statement(), verb: { id: 'not an iri' } }],
    });
    expect(r.status).toBe(400);
    expect((await getStatement(String(ok['id']))).status).toBe(404);
  });

  it('Communication 2.1.2.s2.b6: a batch holding the same id twice is rejected with 400', async () => {
    const id = randomUUID();
    const r = await lrs('POST', '/statements', { json: [statement({ id }), statement({ id })] });
    expect(r.status).toBe(400);
  });

  it('Communication 2.1.2.s2.b4: re-posting an equivalent Statement is a no-op (200), the stored one unchanged', async () => {
    const s = statement({ id: randomUUID() });
    const first = await lrs<string[]>('POST', '/statements', { json: s });
    const before = await getStatement(first.body[0]!);
    const again = await lrs<string[]>('POST', '/statements', {
      // Data 2.3.1: key order, activity definitions and verb display are not significant.
      json: {
        ...s,
        verb: { id: (s['verb'] as { id: string }).id },
        object: { ...(s['object'] as object), definition: { name: { en: 'x' } } },
      },
    });
    expect(again.status).toBe(200);
    expect((await getStatement(first.body[0]!)).body).toEqual(before.body);
  });

  it('Communication 2.1.2.s2.b5: posting a different Statement with an existing id is 409, nothing of the batch stored', async () => {
    const s = statement({ id: randomUUID() });
    await lrs('POST', '/statements', { json: s });
    const other = statement({ id: randomUUID() });
    const r = await lrs('POST', '/statements', {
      json: [other, { ...s, verb: { id: 'http://example.org/verbs/other' } }],
    });
    expect(r.status).toBe(409);
    expect((await getStatement(String(other['id']))).status).toBe(404);
  });

  it('Communication 2.1.2: a batch of 101 Statements (over one transaction) is stored all or nothing', async () => {
    const batch = Array.from({ length: 101 }, () => statement());
    const r = await lrs<string[]>('POST', '/statements', { json: batch });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(101);
    expect((await getStatement(r.body[100]!)).status).toBe(200);
    // The same size, with a conflicting last Statement: nothing is written.
    const taken = statement({ id: r.body[0] });
    const fresh = Array.from({ length: 100 }, () => statement({ id: randomUUID() }));
    const conflict = await lrs('POST', '/statements', {
      json: [...fresh, { ...taken, verb: { id: 'http://example.org/x' } }],
    });
    expect(conflict.status).toBe(409);
    expect((await getStatement(String(fresh[0]!['id']))).status).toBe(404);
  });

  it('Communication 1.5: a body that is not JSON or multipart/mixed is rejected with 400', async () => {
    const r = await lrs('POST', '/statements', {
      body: JSON.stringify(statement()),
      headers: { 'content-type': 'text/plain' },
    });
    expect(r.status).toBe(400);
  });

  it('Communication 3.2.s2.b1: malformed JSON is 400', async () => {
    const r = await lrs('POST', '/statements', {
      body: '{"actor":',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(400);
  });

  it('Communication 3.2.s3.b7: POST statements takes no query parameter (400)', async () => {
    const r = await lrs('POST', '/statements', { json: statement(), query: { statementId: randomUUID() } });
    expect(r.status).toBe(400);
  });
});

describe('Communication 2.1.1 PUT Statements', () => {
  it('2.1.1.s1: stores the Statement under statementId and returns 204', async () => {
    const id = randomUUID();
    const r = await lrs('PUT', '/statements', { query: { statementId: id }, json: statement() });
    expect(r.status).toBe(204);
    expect((await getStatement(id)).body['id']).toBe(id);
  });

  it('2.1.1.s1 table: statementId is required (400)', async () => {
    expect((await lrs('PUT', '/statements', { json: statement() })).status).toBe(400);
  });

  it('Data 4.4: statementId must be a UUID (400)', async () => {
    expect(
      (await lrs('PUT', '/statements', { query: { statementId: 'nope' }, json: statement() })).status,
    ).toBe(400);
  });

  it('2.1.1.s3.b3: an id in the Statement must match statementId (400)', async () => {
    const r = await lrs('PUT', '/statements', {
      query: { statementId: randomUUID() },
      json: statement({ id: randomUUID() }),
    });
    expect(r.status).toBe(400);
  });

  it('2.1.1.s2.b2-b3: same id, equivalent content → 204; different content → 409, unchanged', async () => {
    const id = randomUUID();
    const s = statement();
    expect((await lrs('PUT', '/statements', { query: { statementId: id }, json: s })).status).toBe(204);
    expect((await lrs('PUT', '/statements', { query: { statementId: id }, json: s })).status).toBe(204);
    const r = await lrs('PUT', '/statements', { query: { statementId: id }, json: { ...s, actor: agent() } });
    expect(r.status).toBe(409);
    expect((await getStatement(id)).body['actor']).toEqual(s['actor']);
  });

  it('2.1.1: PUT takes a single Statement, not an array (400)', async () => {
    expect(
      (await lrs('PUT', '/statements', { query: { statementId: randomUUID() }, json: [statement()] })).status,
    ).toBe(400);
  });

  it('Communication 3.2.s3.b7: PUT statements rejects other parameters (400)', async () => {
    const r = await lrs('PUT', '/statements', {
      query: { statementId: randomUUID(), verb: 'http://x.org' },
      json: statement(),
    });
    expect(r.status).toBe(400);
  });
});

describe('Data 2.2 Statement validation: every rejection is a 400 with a message', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['2.2.s2.b3 missing actor', { actor: undefined }],
    ['2.2.s2.b3 missing verb', { verb: undefined }],
    ['2.2.s2.b3 missing object', { object: undefined }],
    ['2.2.s4.b1.b1 null value', { result: { success: null } }],
    ['2.2.s4.b1.b2 number as string', { result: { score: { raw: '1' } } }],
    ['2.2.s4.b1.b3 boolean as string', { result: { completion: 'true' } }],
    ['2.2.s4.b1.b5 unknown property', { foo: 'bar' }],
    ['2.2.s4.b1.b7 wrong-case property', { Verb: { id: 'http://adlnet.gov/expapi/verbs/x' } }],
    ['4.3 verb id not an IRI', { verb: { id: 'experienced' } }],
    ['4.3 activity id not an IRI', { object: { id: 'no scheme here' } }],
    [
      '4.2 language map with a bad tag',
      { verb: { id: 'http://adlnet.gov/expapi/verbs/x', display: { 'not a tag!': 'x' } } },
    ],
    [
      '4.2 language map with a non-string value',
      { verb: { id: 'http://adlnet.gov/expapi/verbs/x', display: { en: 1 } } },
    ],
    ['2.4.2.3 mbox not a mailto IRI', { actor: { mbox: 'someone@example.org' } }],
    ['2.4.2.3 mbox_sha1sum not hex', { actor: { mbox_sha1sum: 'xyz' } }],
    ['2.4.2.3 openid not a URI', { actor: { openid: 'not a uri' } }],
    ['2.4.2.4 account without homePage', { actor: { account: { name: 'x' } } }],
    ['2.4.2.1.s2.b2 two IFIs', { actor: { mbox: 'mailto:a@example.org', openid: 'http://example.org/a' } }],
    ['2.4.2.1.s2.b1 no IFI', { actor: { name: 'nobody' } }],
    ['2.4.2.2 anonymous group without member', { actor: { objectType: 'Group', name: 'g' } }],
    [
      '2.4.2.2.s5.b2 group member is a group',
      { actor: { objectType: 'Group', member: [{ objectType: 'Group', member: [] }] } },
    ],
    ['4.4 id not a UUID', { id: 'not-a-uuid' }],
    ['4.4 registration not a UUID', { context: { registration: '1234' } }],
    ['4.5 timestamp without time zone', { timestamp: '2024-01-01T10:00:00' }],
    ['4.5 timestamp not ISO 8601', { timestamp: 'yesterday' }],
    ['4.6 duration not ISO 8601', { result: { duration: '10 minutes' } }],
    ['2.4.5.1 scaled score above 1', { result: { score: { scaled: 1.5 } } }],
    ['2.4.5.1 raw above max', { result: { score: { raw: 11, max: 10 } } }],
    ['2.4.5.1 min above max', { result: { score: { min: 5, max: 1 } } }],
    [
      '2.4.4.1 unknown interactionType',
      { object: { id: 'http://example.org/q', definition: { interactionType: 'essay' } } },
    ],
    [
      '2.4.4.1.s16.b1 duplicate interaction component ids',
      {
        object: {
          id: 'http://example.org/q',
          definition: { interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] },
        },
      },
    ],
    ['4.1 extension key not an IRI', { context: { extensions: { notiri: 1 } } }],
    [
      '2.4.6.s4.b1 revision with a non-Activity object',
      { object: { objectType: 'Agent', mbox: 'mailto:x@example.org' }, context: { revision: '1' } },
    ],
    [
      '2.4.6.s4.b2 platform with a non-Activity object',
      { object: { objectType: 'StatementRef', id: randomUUID() }, context: { platform: 'x' } },
    ],
    [
      '2.4.4.3.s8.b3 SubStatement with an id',
      {
        object: {
          objectType: 'SubStatement',
          id: randomUUID(),
          actor: agent(),
          verb: { id: 'http://x.org/v' },
          object: { id: 'http://x.org/a' },
        },
      },
    ],
    [
      '2.4.4.3.s8.b4 nested SubStatement',
      {
        object: {
          objectType: 'SubStatement',
          actor: agent(),
          verb: { id: 'http://x.org/v' },
          object: {
            objectType: 'SubStatement',
            actor: agent(),
            verb: { id: 'http://x.org/v' },
            object: { id: 'http://x.org/a' },
          },
        },
      },
    ],
    ['2.4.10.s3.b2 version not 1.0.x', { version: '2.0.0' }],
    ['2.3.2.s2.b1 voiding Statement whose object is not a StatementRef', { verb: { id: VOIDED } }],
    [
      '2.4.11 attachment without sha2',
      {
        attachments: [
          {
            usageType: 'http://x.org/u',
            display: { en: 'a' },
            contentType: 'text/plain',
            length: 1,
            fileUrl: 'http://x.org/f',
          },
        ],
      },
    ],
  ];
  for (const [name, patch] of cases) {
    it(`Data ${name}`, async () => {
      const s: Record<string, unknown> = { ...statement(), ...patch };
      for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
      const r = await lrs<{ error: { message: string } }>('POST', '/statements', { json: s });
      expect(r.status, r.text).toBe(400);
      expect(r.body.error.message.length).toBeGreaterThan(0);
    });
  }
});

describe('Communication 1.5.2 Attachments', () => {
  const text = 'here is a simple attachment';
  const attachmentFor = (data: string, extra: Record<string, unknown> = {}) => ({
    usageType: 'http://example.com/attachment-usage/test',
    display: { 'en-US': 'A test attachment' },
    contentType: 'text/plain',
    length: Buffer.byteLength(data),
    sha2: sha256(data),
    ...extra,
  });

  async function postMultipart(
    json: unknown,
    parts: { headers: Record<string, string>; body: string | Buffer }[],
  ) {
    const boundary = "abcABC0123'()+_,-./:=?";
    return lrs<string[]>('POST', '/statements', {
      headers: { 'content-type': `multipart/mixed; boundary="${boundary}"` },
      body: multipartBody(
        [{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(json) }, ...parts],
        boundary,
      ),
    });
  }

  it('1.5.2.s3.b4: accepts a Statement with its attachment part and returns the data with attachments=true', async () => {
    const s = statement({ attachments: [attachmentFor(text)] });
    const r = await postMultipart(s, [
      {
        headers: {
          'Content-Type': 'text/plain',
          'Content-Transfer-Encoding': 'binary',
          'X-Experience-API-Hash': sha256(text),
        },
        body: text,
      },
    ]);
    expect(r.status, r.text).toBe(200);
    const got = await getStatement(r.body[0]!, { attachments: 'true' });
    expect(got.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=/);
    expect(got.text).toContain(text);
    expect(got.text).toContain(`X-Experience-API-Hash: ${sha256(text)}`);
    const json = await getStatement(r.body[0]!, { attachments: 'false' });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/); // 2.1.3.s2.b7
  });

  it('1.5.2: binary data larger than one item (1 MB) round-trips byte for byte', async () => {
    const data = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 256;
    const s = statement({
      attachments: [
        {
          ...attachmentFor(''),
          contentType: 'application/octet-stream',
          length: data.length,
          sha2: sha256(data),
        },
      ],
    });
    const r = await postMultipart(s, [
      {
        headers: { 'Content-Type': 'application/octet-stream', 'X-Experience-API-Hash': sha256(data) },
        body: data,
      },
    ]);
    expect(r.status, r.text).toBe(200);
    const got = await getStatement(r.body[0]!, { attachments: 'true' });
    expect(got.bytes.includes(data)).toBe(true);
  });

  it('1.5.1.s1.b2: application/json with fileUrl-only attachments is accepted', async () => {
    const s = statement({
      attachments: [attachmentFor(text, { fileUrl: 'http://example.org/files/a.txt' })],
    });
    expect((await lrs('POST', '/statements', { json: s })).status).toBe(200);
  });

  it('1.5.2.s2.b1: application/json with an attachment lacking fileUrl is rejected (400)', async () => {
    expect(
      (await lrs('POST', '/statements', { json: statement({ attachments: [attachmentFor(text)] }) })).status,
    ).toBe(400);
  });

  it('1.5.2.s3.b5: multipart whose attachment matches no part and has no fileUrl is rejected (400)', async () => {
    expect((await postMultipart(statement({ attachments: [attachmentFor(text)] }), [])).status).toBe(400);
  });

  it('1.5.2.s1.b4: a part whose data does not match its X-Experience-API-Hash is rejected (400)', async () => {
    const r = await postMultipart(statement({ attachments: [attachmentFor(text)] }), [
      { headers: { 'Content-Type': 'text/plain', 'X-Experience-API-Hash': sha256(text) }, body: 'tampered' },
    ]);
    expect(r.status).toBe(400);
  });

  it('1.5.2.s2.b2.b3: a part without X-Experience-API-Hash is rejected (400)', async () => {
    const r = await postMultipart(statement({ attachments: [attachmentFor(text)] }), [
      { headers: { 'Content-Type': 'text/plain' }, body: text },
    ]);
    expect(r.status).toBe(400);
  });

  it('1.5.2.s2.b2.b4: a part with a Content-Transfer-Encoding other than binary is rejected (400)', async () => {
    const r = await postMultipart(statement({ attachments: [attachmentFor(text)] }), [
      {
        headers: {
          'Content-Type': 'text/plain',
          'Content-Transfer-Encoding': 'base64',
          'X-Experience-API-Hash': sha256(text),
        },
        body: text,
      },
    ]);
    expect(r.status).toBe(400);
  });

  it('1.5.2.s2.b2.b1: the first part must be application/json (400)', async () => {
    const boundary = 'b0undary';
    const r = await lrs('POST', '/statements', {
      headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
      body: multipartBody(
        [{ headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(statement()) }],
        boundary,
      ),
    });
    expect(r.status).toBe(400);
  });

  it('1.5.2.s3.b8: multipart without attachments is accepted', async () => {
    expect((await postMultipart([statement(), statement()], [])).status).toBe(200);
  });

  it('1.5.2.s2.b2.b5: one part serves two Statements using the same attachment', async () => {
    const a = attachmentFor(text);
    const r = await postMultipart(
      [statement({ attachments: [a] }), statement({ attachments: [a] })],
      [{ headers: { 'Content-Type': 'text/plain', 'X-Experience-API-Hash': a.sha2 }, body: text }],
    );
    expect(r.status).toBe(200);
  });
});

describe('Data 2.6 Signed Statements', () => {
  const b64u = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwsOf = (payload: unknown, alg = 'RS256') => {
    const input = `${b64u({ alg })}.${b64u(payload)}`;
    return `${input}.${sign(alg === 'RS512' ? 'sha512' : alg === 'RS384' ? 'sha384' : 'sha256', Buffer.from(input), privateKey).toString('base64url')}`;
  };
  const signatureAttachment = (jws: string) => ({
    usageType: 'http://adlnet.gov/expapi/attachments/signature',
    display: { 'en-US': 'Signature' },
    contentType: 'application/octet-stream',
    length: Buffer.byteLength(jws),
    sha2: sha256(jws),
  });
  async function postSigned(s: Record<string, unknown>, jws: string) {
    const boundary = 'sig-boundary';
    return lrs<string[]>('POST', '/statements', {
      headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
      body: multipartBody(
        [
          { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(s) },
          {
            headers: { 'Content-Type': 'application/octet-stream', 'X-Experience-API-Hash': sha256(jws) },
            body: jws,
          },
        ],
        boundary,
      ),
    });
  }

  for (const alg of ['RS256', 'RS384', 'RS512']) {
    it(`2.6.s4.b4: a well-formed ${alg} signature is accepted`, async () => {
      const base = statement({ id: randomUUID() });
      const jws = jwsOf(base, alg);
      expect((await postSigned({ ...base, attachments: [signatureAttachment(jws)] }, jws)).status).toBe(200);
    });
  }

  it('2.6.s5.b3: the Appendix D example with its x5c certificate is accepted', async () => {
    const payload = JSON.parse(
      Buffer.from(SIGNED_APPENDIX_D_JWS.split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    const r = await postSigned(
      { ...payload, attachments: [signatureAttachment(SIGNED_APPENDIX_D_JWS)] },
      SIGNED_APPENDIX_D_JWS,
    );
    expect(r.status, r.text).toBe(200);
  });

  it('2.6.s5.b1: a signature over a different Statement is rejected (400)', async () => {
    const base = statement({ id: randomUUID() });
    const jws = jwsOf({ ...base, verb: { id: 'http://example.org/other' } });
    expect((await postSigned({ ...base, attachments: [signatureAttachment(jws)] }, jws)).status).toBe(400);
  });

  it('2.6.s4.b4: an HS256 signature is rejected (400)', async () => {
    const base = statement({ id: randomUUID() });
    const jws = `${b64u({ alg: 'HS256' })}.${b64u(base)}.c2ln`;
    expect((await postSigned({ ...base, attachments: [signatureAttachment(jws)] }, jws)).status).toBe(400);
  });

  it('2.6.s5.b1: a signature that is not a JWS is rejected (400)', async () => {
    const base = statement({ id: randomUUID() });
    const jws = 'not a jws';
    expect((await postSigned({ ...base, attachments: [signatureAttachment(jws)] }, jws)).status).toBe(400);
  });

  it('2.6.s5.b3.b3: a signature that does not verify against its x5c certificate is rejected (400)', async () => {
    const [h, p] = SIGNED_APPENDIX_D_JWS.split('.');
    const forged = `${h}.${p}.${Buffer.from('forged').toString('base64url')}`;
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const r = await postSigned(
      { ...payload, id: randomUUID(), attachments: [signatureAttachment(forged)] },
      forged,
    );
    expect(r.status).toBe(400);
  });
});

describe('Data 2.3.2 Voiding', () => {
  const voiding = (target: string) =>
    statement({
      verb: { id: VOIDED, display: { 'en-US': 'voided' } },
      object: { objectType: 'StatementRef', id: target },
    });

  it('2.3.2: a voided Statement is gone from statementId and found by voidedStatementId (Communication 2.1.4.s1.b1)', async () => {
    const [target] = (await lrs<string[]>('POST', '/statements', { json: statement() })).body;
    expect((await lrs('POST', '/statements', { json: voiding(target!) })).status).toBe(200);
    expect((await getStatement(target!)).status).toBe(404);
    const voided = await lrs<{ id: string }>('GET', '/statements', { query: { voidedStatementId: target! } });
    expect(voided.status).toBe(200);
    expect(voided.body.id).toBe(target);
  });

  it('2.1.4.s1.b2: a voiding Statement cannot be voided (400)', async () => {
    const [target] = (await lrs<string[]>('POST', '/statements', { json: statement() })).body;
    const [voider] = (await lrs<string[]>('POST', '/statements', { json: voiding(target!) })).body;
    const r = await lrs('POST', '/statements', { json: voiding(voider!) });
    expect(r.status).toBe(400);
    expect((await getStatement(voider!)).status).toBe(200);
  });

  it('2.3.2: voiding a Statement sent later in the same batch works; voiding a voiding Statement of the batch is 400', async () => {
    const target = statement({ id: randomUUID() });
    const v1 = voiding(String(target['id']));
    const ok = await lrs('POST', '/statements', { json: [v1, target] });
    expect(ok.status).toBe(200);
    expect((await getStatement(String(target['id']))).status).toBe(404);
    const a = { ...voiding(randomUUID()), id: randomUUID() };
    expect((await lrs('POST', '/statements', { json: [a, voiding(String(a['id']))] })).status).toBe(400);
  });

  it('2.3.2: a voiding Statement may arrive before its target; the target is voided when it comes', async () => {
    const id = randomUUID();
    expect((await lrs('POST', '/statements', { json: voiding(id) })).status).toBe(200);
    expect((await lrs('PUT', '/statements', { query: { statementId: id }, json: statement() })).status).toBe(
      204,
    );
    expect((await getStatement(id)).status).toBe(404);
    expect((await lrs('GET', '/statements', { query: { voidedStatementId: id } })).status).toBe(200);
  });

  it('Communication 2.1.3: a Statement that is not voided is not returned by voidedStatementId (404)', async () => {
    const [id] = (await lrs<string[]>('POST', '/statements', { json: statement() })).body;
    expect((await lrs('GET', '/statements', { query: { voidedStatementId: id! } })).status).toBe(404);
  });
});
