import { describe, expect, it } from 'vitest';
import { parseBasic } from '../../../functions/lrs/auth.ts';
import { grant } from '../../../functions/lrs/scopes.ts';
import { checkVersionHeader } from '../../../functions/lrs/version.ts';

describe('Communication 4.2 scopes', () => {
  it('all grants everything; all/read every read only', () => {
    expect(grant(['all'], 'statements/write').allowed).toBe(true);
    expect(grant(['all/read'], 'state/read').allowed).toBe(true);
    expect(grant(['all/read'], 'state/write').allowed).toBe(false);
  });

  it('statements/read/mine reads with the mine-only restriction; statements/read without', () => {
    expect(grant(['statements/read/mine'], 'statements/read')).toEqual({ allowed: true, mineOnly: true });
    expect(grant(['statements/read', 'statements/read/mine'], 'statements/read')).toEqual({ allowed: true });
    expect(grant(['statements/write'], 'statements/read').allowed).toBe(false);
  });

  it('state and profile scopes cover their document resources only', () => {
    expect(grant(['state'], 'state/write').allowed).toBe(true);
    expect(grant(['state'], 'profile/write').allowed).toBe(false);
    expect(grant(['profile'], 'profile/read').allowed).toBe(true);
  });
});

describe('Communication 3.3 version header', () => {
  it('accepts 1.0 and 1.0.x, rejects the rest with 400', () => {
    for (const v of ['1.0', '1.0.0', '1.0.3', ' 1.0.3 ']) expect(() => checkVersionHeader(v)).not.toThrow();
    for (const v of [undefined, '', '0.95', '1.1.0', '1.0.x', '2.0.0'])
      expect(() => checkVersionHeader(v)).toThrowError();
  });
});

describe('HTTP Basic (RFC 7617)', () => {
  it('decodes key and secret; secrets may contain colons', () => {
    expect(parseBasic(`Basic ${Buffer.from('k:s:t').toString('base64')}`)).toEqual({
      key: 'k',
      secret: 's:t',
    });
    expect(parseBasic('Bearer x')).toBeUndefined();
    expect(parseBasic(`Basic ${Buffer.from('nocolon').toString('base64')}`)).toBeUndefined();
  });
});
