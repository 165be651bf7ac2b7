import { describe, expect, it } from 'vitest';
import { applyAlternateSyntax } from '../../../functions/lrs/alternate-syntax.ts';
import type { LrsRequest } from '../../../functions/lrs/request.ts';

/** Communication 1.3 Alternate Request Syntax. */

const FORM = 'application/x-www-form-urlencoded';
function req(over: Partial<LrsRequest>): LrsRequest {
  return {
    method: 'POST',
    resource: '/statements',
    query: {},
    headers: {},
    body: undefined,
    alternate: false,
    ...over,
  };
}

describe('applyAlternateSyntax', () => {
  it('1.3.s3.b2, b4, b7, b14: method from the query; content, header fields and parameters from the form', () => {
    const form = new URLSearchParams({
      statementId: 'id-1',
      content: '{"a":"é"}',
      Authorization: 'Basic abc',
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
      'If-Match': '"e"',
    });
    const out = applyAlternateSyntax(
      req({
        query: { method: 'PUT' },
        headers: { 'content-type': FORM },
        body: Buffer.from(form.toString()),
      }),
    );
    expect(out.method).toBe('PUT');
    expect(out.alternate).toBe(true);
    expect(out.query).toEqual({ statementId: 'id-1' });
    expect(out.body?.toString('utf8')).toBe('{"a":"é"}');
    expect(out.headers).toMatchObject({
      authorization: 'Basic abc',
      'x-experience-api-version': '1.0.3',
      'content-type': 'application/json',
      'if-match': '"e"',
    });
  });

  it('defaults the content type to application/json when content comes without one', () => {
    const out = applyAlternateSyntax(
      req({
        query: { method: 'POST' },
        headers: { 'content-type': FORM },
        body: Buffer.from('content=%7B%7D'),
      }),
    );
    expect(out.headers['content-type']).toBe('application/json');
  });

  it('leaves ordinary requests alone (a PUT of a form-encoded document included)', () => {
    const r = req({
      method: 'PUT',
      resource: '/activities/state',
      headers: { 'content-type': FORM },
      body: Buffer.from('a=1'),
    });
    expect(applyAlternateSyntax(r)).toBe(r);
  });

  it('rejects (400): other query parameters, a non-POST, an unknown method, a non-form body, a form POST without method, repeated fields', () => {
    const bad: Partial<LrsRequest>[] = [
      { query: { method: 'GET', limit: '1' }, headers: { 'content-type': FORM } },
      { method: 'GET', query: { method: 'GET' }, headers: { 'content-type': FORM } },
      { query: { method: 'PATCH' }, headers: { 'content-type': FORM } },
      { query: { method: 'GET' }, headers: { 'content-type': 'application/json' } },
      { headers: { 'content-type': FORM }, body: Buffer.from('content=x') },
      { query: { method: 'GET' }, headers: { 'content-type': FORM }, body: Buffer.from('limit=1&limit=2') },
    ];
    for (const b of bad) expect(() => applyAlternateSyntax(req(b)), JSON.stringify(b.query)).toThrowError();
  });
});
