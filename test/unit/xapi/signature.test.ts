import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureAttachment, verifyStatementSignature } from '../../../packages/xapi/src/index.ts';
import { accepted, rejected, signedStatement } from './fixtures.ts';
import { SIGNED_APPENDIX_D_JWS } from './signature-fixture.ts';

type Json = Record<string, unknown>;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The Statement the LRS received: Appendix D's, with the signature Attachment. */
const received = () => accepted(signedStatement());

/** The Appendix D Statement as it was before the signature Attachment was added. */
function original(): Json {
  const statement = signedStatement();
  delete statement.attachments;
  return statement;
}

/** A JWS signed with a key made on the spot, without certificate. */
function selfSigned(payload: unknown, alg = 'RS256', digest = 'sha256'): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const input = `${b64({ alg })}.${b64(payload)}`;
  return `${input}.${sign(digest, Buffer.from(input), privateKey).toString('base64url')}`;
}

describe('Data 2.6 Signed Statements', () => {
  it('Data 2.6.s5.b3: accepts a well-formed signature whose x5c certificate verifies it', () => {
    const result = verifyStatementSignature(received(), SIGNED_APPENDIX_D_JWS);
    expect(result).toMatchObject({
      ok: true,
      signedStatement: { id: '33cff416-e331-4c9d-969e-5373a1756120' },
    });
  });

  it('Data 2.6.s4.b2: accepts the JWS JSON Serialization as well', () => {
    const [protectedHeader, payload, signature] = SIGNED_APPENDIX_D_JWS.split('.');
    const flattened = JSON.stringify({ protected: protectedHeader, payload, signature });
    expect(verifyStatementSignature(received(), flattened).ok).toBe(true);
  });

  it('Data 2.6.s4.b4: accepts RS256, RS384 and RS512 signatures without certificate', () => {
    expect(verifyStatementSignature(received(), selfSigned(original())).ok).toBe(true);
    expect(verifyStatementSignature(received(), selfSigned(original(), 'RS384', 'sha384')).ok).toBe(true);
    expect(verifyStatementSignature(received(), selfSigned(original(), 'RS512', 'sha512')).ok).toBe(true);
  });

  it('Data 2.6.s5.b1: rejects a signature that is not a JWS', () => {
    for (const jws of ['', 'not a signature', 'a.b', '{"payload":"x"}', `${SIGNED_APPENDIX_D_JWS}.extra`]) {
      const result = verifyStatementSignature(received(), jws);
      expect(result.ok, jws).toBe(false);
    }
  });

  it('Data 2.6.s4.b4: rejects an algorithm other than RS256, RS384 or RS512', () => {
    const none = `${b64({ alg: 'none' })}.${b64(original())}.`;
    expect(verifyStatementSignature(received(), none)).toEqual({
      ok: false,
      errors: ['signature: the JWS algorithm MUST be RS256, RS384 or RS512 (Data 2.6.s4.b4)'],
    });
    const hmac = `${b64({ alg: 'HS256' })}.${b64(original())}.c2ln`;
    expect(verifyStatementSignature(received(), hmac).ok).toBe(false);
  });

  it('Data 2.6.s4.b3: rejects a payload that is not a valid Statement', () => {
    const result = verifyStatementSignature(
      received(),
      selfSigned({ ...original(), actor: { mbox: 'nope' } }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('signature.payload.actor.mbox')],
    });
  });

  it('Data 2.6.s5.b3.b2: rejects a signed Statement that is not equivalent to the received one', () => {
    const tampered = { ...original(), verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } };
    expect(verifyStatementSignature(received(), selfSigned(tampered))).toEqual({
      ok: false,
      errors: [
        'signature: the signed Statement is not logically equivalent to the received one (Data 2.6.s5.b3.b2)',
      ],
    });
  });

  it('Data 2.6.s5.b3.b3: rejects a signature that the x5c certificate does not verify', () => {
    const [protectedHeader, , signature] = SIGNED_APPENDIX_D_JWS.split('.');
    const otherPayload = b64({ ...original(), timestamp: '2013-04-01T12:00:00.000Z' });
    const result = verifyStatementSignature(received(), `${protectedHeader}.${otherPayload}.${signature}`);
    expect(result).toEqual({
      ok: false,
      errors: ['signature: does not verify against the "x5c" certificate (Data 2.6.s5.b3.b3)'],
    });
    const badCertificate = `${b64({ alg: 'RS256', x5c: ['bm90IGEgY2VydA=='] })}.${b64(original())}.${signature}`;
    expect(verifyStatementSignature(received(), badCertificate)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('cannot be read')],
    });
  });

  it('needs the signature Attachment on the received Statement', () => {
    const unsigned = accepted(original());
    expect(signatureAttachment(unsigned)).toBeUndefined();
    expect(verifyStatementSignature(unsigned, SIGNED_APPENDIX_D_JWS).ok).toBe(false);
    expect(signatureAttachment(received())?.sha2).toBe(
      '672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634',
    );
  });

  it('Data 2.6.s4.b1: rejects a signature Attachment whose contentType is not application/octet-stream', () => {
    const statement = signedStatement();
    (statement.attachments as Json[])[0] = {
      ...(statement.attachments as Json[])[0],
      contentType: 'text/plain',
    };
    rejected(
      statement,
      'statement.attachments[0].contentType: must be "application/octet-stream" for a signature Attachment',
    );
  });
});
