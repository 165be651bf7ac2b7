import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../../packages/http/src/claims.ts';

describe('claims → principal', () => {
  it("parses API Gateway's rendering of array claims ('[a b]')", () => {
    const p = principalFromClaims({
      sub: 'u1',
      'cognito:groups': '[learner hr]',
      'custom:hr_services': 'drfip,ars',
    });
    expect(p).toMatchObject({
      userId: 'u1',
      roles: ['learner', 'hr'],
      hrServices: ['drfip', 'ars'],
      locale: 'fr',
    });
  });

  it('drops unknown groups instead of trusting them', () => {
    expect(principalFromClaims({ sub: 'u1', 'cognito:groups': ['admin', 'lab'] })?.roles).toEqual(['lab']);
  });

  it('has no principal without a subject', () => {
    expect(principalFromClaims({ 'cognito:groups': '[lab]' })).toBeUndefined();
    expect(principalFromClaims(undefined)).toBeUndefined();
  });
});
