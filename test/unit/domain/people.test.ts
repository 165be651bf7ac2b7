import { describe, expect, it } from 'vitest';
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import { checkCatalogItem } from '../../../packages/domain/src/content/catalog-rules.ts';
import type { Service } from '../../../packages/domain/src/content/schemas.ts';
import { confirmedAccess, planRoleChange } from '../../../packages/domain/src/people/person.ts';
import { serviceFromIdentity } from '../../../packages/domain/src/people/service-mapping.ts';

const known = new Set(['drfip', 'ars']);
const service = (id: string, identifiers: Service['identifiers'], archived = false): Service => ({
  id,
  name: id,
  description: { fr: id, en: id },
  identifiers,
  archived,
});

describe('role changes the lab decides', () => {
  it('grants and revokes only the grantable roles; whether one is a learner is kept as it was', () => {
    expect(
      planRoleChange(
        { userId: 'a', roles: ['learner'] },
        { roles: ['trainer'], hrServices: [] },
        {
          knownServices: known,
          labMembers: 2,
        },
      ).roles,
    ).toEqual(['learner', 'trainer']);
    expect(
      planRoleChange(
        { userId: 'a', roles: ['hr'] },
        { roles: ['lab'], hrServices: [] },
        {
          knownServices: known,
          labMembers: 2,
        },
      ).roles,
    ).toEqual(['lab']);
  });

  it('HR services only with the hr role, and only known services; sorted, once each', () => {
    const ctx = { knownServices: known, labMembers: 2 };
    expect(() =>
      planRoleChange({ userId: 'a', roles: [] }, { roles: ['trainer'], hrServices: ['ars'] }, ctx),
    ).toThrow(/HR services need the hr role/);
    expect(() =>
      planRoleChange({ userId: 'a', roles: [] }, { roles: ['hr'], hrServices: ['nope'] }, ctx),
    ).toThrow(/Unknown services/);
    expect(
      planRoleChange(
        { userId: 'a', roles: [] },
        { roles: ['hr'], hrServices: ['drfip', 'ars', 'drfip'] },
        ctx,
      ).hrServices,
    ).toEqual(['ars', 'drfip']);
  });

  it('the last lab member keeps the lab role', () => {
    expect(() =>
      planRoleChange(
        { userId: 'a', roles: ['lab'] },
        { roles: [], hrServices: [] },
        {
          knownServices: known,
          labMembers: 1,
        },
      ),
    ).toThrow(/at least one lab member/);
  });

  it('a write relies only on what the table still grants (learner is nobody’s to revoke); nothing is gained', () => {
    expect(
      confirmedAccess(
        { roles: ['learner', 'trainer', 'hr'], hrServices: ['ars', 'drfip'] },
        { roles: ['learner', 'hr', 'lab'], hrServices: ['drfip', 'dreal'] },
      ),
    ).toEqual({ roles: ['learner', 'hr'], hrServices: ['drfip'] });
    expect(confirmedAccess({ roles: ['learner', 'trainer'] }, undefined)).toEqual({
      roles: ['learner'],
      hrServices: [],
    });
  });

  it('an HR scope too long for the token’s attribute is refused', () => {
    const many = Array.from({ length: 100 }, (_, i) => `service-with-a-rather-long-identifier-${i}`);
    expect(() =>
      planRoleChange(
        { userId: 'a', roles: [] },
        { roles: ['hr'], hrServices: many },
        {
          knownServices: new Set(many),
          labMembers: 2,
        },
      ),
    ).toThrow(/Too many HR services/);
  });
});

describe('the service an agent’s identity names', () => {
  const services = [
    service('prefecture', [{ siret: '11000000000404' }]),
    service('sgar', [{ siret: '11000000000404', organizationalUnit: 'SGAR' }]),
    service('drfip', [{ siret: '11000000000101' }]),
    service('old', [{ siret: '11000000000777' }], true),
  ];
  it('the exact SIRET and unit first, then the SIRET alone; case and spaces in the unit ignored', () => {
    expect(serviceFromIdentity(services, { siret: '11000000000404', organizationalUnit: ' sgar ' })).toBe(
      'sgar',
    );
    expect(serviceFromIdentity(services, { siret: '11000000000404', organizationalUnit: 'Cabinet' })).toBe(
      'prefecture',
    );
    expect(serviceFromIdentity(services, { siret: '11000000000101' })).toBe('drfip');
  });
  it('nobody mapped it, or only an archived service: to be assigned', () => {
    expect(serviceFromIdentity(services, { siret: '11000000000999' })).toBeUndefined();
    expect(serviceFromIdentity(services, { siret: '11000000000777' })).toBeUndefined();
    expect(serviceFromIdentity(services, {})).toBeUndefined();
  });
  it('two live services cannot claim the same establishment and unit', () => {
    const c = catalog();
    const drfip = c.services.find((s) => s.id === 'drfip')!;
    const clash = { ...service('ars', drfip.identifiers), name: 'ARS' };
    expect(() => checkCatalogItem(c, 'service', clash)).toThrow(/would break the catalogue/);
  });
});
