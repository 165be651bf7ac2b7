import type { FormErrors } from '../../../components/form-errors.ts';
import type { Entities, Kind } from './catalog-types.ts';
import { isKebab, NEW } from './kinds.ts';
import type { LabCatalogTexts } from './texts.ts';

/**
 * The few checks worth doing before the request: the id typed once (kebab-case), a module's split (on the
 * practice field, where the API puts it too), a service's SIRETs (14 digits). The API checks everything again (and
 * the rest: references, required texts…), its issues landing on the same fields.
 */
export function clientErrors(
  entity: Entities[Kind],
  creating: boolean,
  tx: LabCatalogTexts,
): FormErrors | undefined {
  const out: FormErrors = {};
  if (creating && !isKebab(entity.id)) out['id'] = tx.idInvalid;
  // `…/nouveau` is the creation form's address: an item with that id could never be opened.
  else if (creating && entity.id === NEW) out['id'] = tx.idReserved;
  if ('theoryMinutes' in entity) {
    const sum = entity.theoryMinutes + entity.practiceMinutes;
    if (Number.isFinite(sum) && Number.isFinite(entity.durationMinutes) && sum !== entity.durationMinutes)
      out['practiceMinutes'] = tx.splitMismatch(sum, entity.durationMinutes);
  }
  // A SIRET is 14 digits (the form has already taken out the spaces typed).
  if ('identifiers' in entity)
    (entity.identifiers ?? []).forEach((identifier, i) => {
      if (!/^\d{14}$/.test(identifier.siret)) out[`identifiers.${i}.siret`] = tx.issue.siret;
    });
  if (Object.keys(out).length === 0) return undefined;
  out.form = tx.invalidForm;
  return out;
}
