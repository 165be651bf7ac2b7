/**
 * Which service an agent belongs to, from what ProConnect says of their employer: the establishment's SIRET and,
 * when one establishment hosts several services (a prefecture and its SGAR), the organisational unit. The lab keeps
 * the mapping in the catalogue (each service's `identifiers`); an agent nobody mapped is "to be assigned".
 */
import type { Service } from '../content/schemas.ts';
import type { Identity } from './person.ts';

const unit = (s: string | undefined) => (s ?? '').trim().toLowerCase();

/** What makes two identifiers the same: the SIRET and the unit, case and surrounding spaces ignored. */
export const identifierKey = (i: { siret: string; organizationalUnit?: string | undefined }) =>
  `${i.siret}|${unit(i.organizationalUnit)}`;

/** The exact (SIRET, unit) pair first, then the SIRET alone; archived services never match. */
export function serviceFromIdentity(
  services: readonly Service[],
  identity: Pick<Identity, 'siret' | 'organizationalUnit'>,
): string | undefined {
  const siret = identity.siret?.replace(/\s/g, '');
  if (!siret) return undefined;
  const live = services.filter((s) => !s.archived);
  const ou = unit(identity.organizationalUnit);
  const exact = ou
    ? live.find((s) =>
        s.identifiers.some(
          (i) => i.siret === siret && i.organizationalUnit && unit(i.organizationalUnit) === ou,
        ),
      )
    : undefined;
  if (exact) return exact.id;
  return live.find((s) => s.identifiers.some((i) => i.siret === siret && !i.organizationalUnit))?.id;
}
