import { describe, expect, it } from 'vitest';
import { groupsOf, identityFromClaims, principalFromClaims } from '../../../packages/http/src/claims.ts';

const id = { sub: 'u1', token_use: 'id' };

describe('claims → principal', () => {
  it("parses API Gateway's rendering of array claims ('[a b]')", () => {
    const p = principalFromClaims({
      ...id,
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
    expect(principalFromClaims({ ...id, 'cognito:groups': ['admin', 'lab'] })?.roles).toEqual(['lab']);
  });

  it('has no principal without a subject, or from an access token (no scope attributes in it)', () => {
    expect(principalFromClaims({ token_use: 'id', 'cognito:groups': '[lab]' })).toBeUndefined();
    expect(principalFromClaims(undefined)).toBeUndefined();
    expect(
      principalFromClaims({ sub: 'u1', token_use: 'access', 'cognito:groups': '[lab]' }),
    ).toBeUndefined();
    expect(principalFromClaims({ sub: 'u1', 'cognito:groups': '[lab]' })).toBeUndefined();
  });

  it('a token without any group is a first sign-in: the default role, learner — an empty group list is none', () => {
    expect(principalFromClaims(id)?.roles).toEqual(['learner']);
    expect(groupsOf(id)).toBeUndefined();
    expect(principalFromClaims({ ...id, 'cognito:groups': '[]' })?.roles).toEqual([]);
  });
});

describe('claims → identity', () => {
  it('maps ProConnect as the pool maps it (usual_name → family_name, uid/siret/unit → custom attributes)', () => {
    const who = identityFromClaims({
      ...id,
      'cognito:username': 'proconnect_abc',
      // API Gateway renders the object array as text (here `key=value`, as its authorizer does).
      identities: '[{dateCreated=1, userId=abc, providerName=ProConnect, providerType=OIDC, primary=true}]',
      email: 'a@b.gouv.fr',
      given_name: 'Inès',
      family_name: 'Garnier',
      'custom:pc_uid': 'ig',
      'custom:siret': '11000000000101',
      'custom:org_unit': 'Pôle',
    });
    expect(who).toEqual({
      username: 'proconnect_abc',
      provider: 'proconnect',
      email: 'a@b.gouv.fr',
      givenName: 'Inès',
      familyName: 'Garnier',
      uid: 'ig',
      siret: '11000000000101',
      organizationalUnit: 'Pôle',
    });
  });

  it('a native account’s SIRET, unit and uid are not trusted (its client may write them): no service from them', () => {
    const who = identityFromClaims({
      ...id,
      'cognito:username': 'proconnect_fake',
      'custom:siret': '11000000000101',
      'custom:org_unit': 'SGAR',
      'custom:pc_uid': 'x',
    });
    expect(who).toEqual({ username: 'proconnect_fake', provider: 'pool' });
  });

  it('a native account is the pool’s; a single `name` is split once', () => {
    expect(identityFromClaims({ ...id, 'cognito:username': 'u1', name: 'Jean Pierre Roux' })).toEqual({
      username: 'u1',
      provider: 'pool',
      givenName: 'Jean',
      familyName: 'Pierre Roux',
    });
  });
});
