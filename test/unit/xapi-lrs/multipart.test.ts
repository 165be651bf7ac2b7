import { describe, expect, it } from 'vitest';
import { LrsError } from '../../../functions/lrs/errors.ts';
import {
  buildMultipart,
  isValidBoundary,
  type Part,
  parseMultipart,
} from '../../../functions/lrs/multipart.ts';

/** multipart/mixed per RFC 2046 §5.1, as Communication 1.5.2 uses it. */

const boundary = "abcABC0123'()+_,-./:=?";

describe('parseMultipart', () => {
  it('parses the Communication 1.5.2.s6 example: JSON part, then a binary part with its headers', () => {
    const body = Buffer.from(
      `--${boundary}\r\nContent-Type:application/json\r\n\r\n{"a":1}\r\n--${boundary}\r\nContent-Type:text/plain\r\nContent-Transfer-Encoding:binary\r\nX-Experience-API-Hash:abc\r\n\r\nhere is a simple attachment\r\n--${boundary}--`,
    );
    const parts = parseMultipart(body, boundary);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.headers['content-type']).toBe('application/json');
    expect(parts[0]!.body.toString()).toBe('{"a":1}');
    expect(parts[1]!.headers['x-experience-api-hash']).toBe('abc');
    expect(parts[1]!.body.toString()).toBe('here is a simple attachment');
  });

  it('ignores a preamble and an epilogue, keeps binary bytes (CR, LF, NUL) intact', () => {
    const data = Buffer.from([0, 13, 10, 45, 45, 255]);
    const body = Buffer.concat([
      Buffer.from(`preamble\r\n--b\r\nContent-Type: application/octet-stream\r\n\r\n`),
      data,
      Buffer.from('\r\n--b--\r\nepilogue'),
    ]);
    const [part] = parseMultipart(body, 'b');
    expect(part!.body.equals(data)).toBe(true);
  });

  it('accepts folded header lines and transport padding after a delimiter', () => {
    const body = Buffer.from('--b  \r\nContent-Type: text/plain;\r\n charset=utf-8\r\n\r\nx\r\n--b--\r\n');
    expect(parseMultipart(body, 'b')[0]!.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('rejects (400) a body without delimiter, without close delimiter, or with a malformed header', () => {
    for (const body of [
      'no delimiter here',
      '--b\r\nContent-Type: a\r\n\r\nx',
      '--b\r\nbroken header\r\n\r\nx\r\n--b--',
    ]) {
      try {
        parseMultipart(Buffer.from(body), 'b');
        expect.unreachable(body);
      } catch (e) {
        expect(e).toBeInstanceOf(LrsError);
        expect((e as LrsError).status).toBe(400);
      }
    }
  });

  it('RFC 2046 §5.1.1 boundaries: 1-70 characters of the allowed set, not ending with a space', () => {
    expect(isValidBoundary(boundary)).toBe(true);
    expect(isValidBoundary('x'.repeat(70))).toBe(true);
    expect(isValidBoundary('x'.repeat(71))).toBe(false);
    expect(isValidBoundary('ends with space ')).toBe(false);
    expect(isValidBoundary('bad"quote')).toBe(false);
  });

  it('round-trips with buildMultipart', () => {
    const parts: Part[] = [
      { headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') },
      {
        headers: { 'content-type': 'image/png', 'x-experience-api-hash': 'h' },
        body: Buffer.from([1, 2, 3]),
      },
    ];
    expect(parseMultipart(buildMultipart(parts, 'zz'), 'zz')).toEqual(parts);
  });
});
