import type { FormErrors } from '../../../components/form-errors.ts';
import type { Entities, Kind } from './catalog-types.ts';
import { isKebab, NEW } from './kinds.ts';
import type { LabCatalogTexts } from './texts.ts';

/**
 * The few checks worth doing before the request: the id typed once (kebab-case), and a module's split (on the practice field, where the API puts it too). The API
 * checks everything again (and the rest: references, required texts…), its issues landing on the same fields.
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
  if (Object.keys(out).length === 0) return undefined;
  out.form = tx.invalidForm;
  return out;
}
