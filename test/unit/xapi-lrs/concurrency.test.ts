import { describe, expect, it } from 'vitest';
import {
  checkPreconditions,
  parseEtagList,
  requirePreconditionForOverwrite,
} from '../../../functions/lrs/concurrency.ts';

/** Communication 3.1 Concurrency (RFC 2616 §14.24, §14.26). */

const status = (f: () => void) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { status: number }).status;
  }
};

describe('ETag preconditions', () => {
  it('parses lists, quotes, weak tags and case', () => {
    expect(parseEtagList('"AbC", W/"def" , *')).toEqual(['abc', 'def', '*']);
  });

  it('If-Match: matching tag or * on an existing document passes; otherwise 412', () => {
    expect(status(() => checkPreconditions({ ifMatch: '"abc"' }, 'abc'))).toBe('ok');
    expect(status(() => checkPreconditions({ ifMatch: '"ABC"' }, 'abc'))).toBe('ok');
    expect(status(() => checkPreconditions({ ifMatch: '*' }, 'abc'))).toBe('ok');
    expect(status(() => checkPreconditions({ ifMatch: '"x"' }, 'abc'))).toBe(412);
    expect(status(() => checkPreconditions({ ifMatch: '*' }, undefined))).toBe(412);
  });

  it('If-None-Match: * fails when the document exists; a tag fails when it matches', () => {
    expect(status(() => checkPreconditions({ ifNoneMatch: '*' }, undefined))).toBe('ok');
    expect(status(() => checkPreconditions({ ifNoneMatch: '*' }, 'abc'))).toBe(412);
    expect(status(() => checkPreconditions({ ifNoneMatch: '"abc"' }, 'abc'))).toBe(412);
    expect(status(() => checkPreconditions({ ifNoneMatch: '"x"' }, 'abc'))).toBe('ok');
  });

  it('3.1.s4.b13: overwriting an existing profile without a precondition is 409', () => {
    expect(status(() => requirePreconditionForOverwrite({}, true))).toBe(409);
    expect(status(() => requirePreconditionForOverwrite({}, false))).toBe('ok');
    expect(status(() => requirePreconditionForOverwrite({ ifMatch: '"a"' }, true))).toBe('ok');
  });
});
