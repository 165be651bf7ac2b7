import { ApiError } from '../../../api/http.ts';
import { type FormErrors, formErrors } from '../../../components/form-errors.ts';
import { StaleVersionNotice } from '../../../components/stale-notice.tsx';
import type { Dictionary } from '../../../i18n/fr.ts';
import type { StaleDetails } from '../catalog/catalog-errors.ts';
import { type PeopleTexts, useTexts } from './texts.ts';

export { type StaleDetails, staleOf } from '../catalog/catalog-errors.ts';

interface Issue {
  path?: string;
  message?: string;
}

/**
 * An API error spread over a person form's `fields` (a 400's issues by path, `hrServices` on the HR services), in
 * the interface's words; what concerns no field of the form (a 409 `last-lab-member`, an issue on another field)
 * is the form's alert.
 */
export function personFormErrors(
  error: unknown,
  t: Dictionary,
  tx: PeopleTexts,
  fields: readonly string[],
): FormErrors {
  let e = error;
  if (error instanceof ApiError && error.code === 'validation-failed' && Array.isArray(error.details)) {
    const worded = (error.details as Issue[]).map((i) => ({
      ...i,
      message: tx.issue(i.message ?? '') ?? i.message,
    }));
    e = new ApiError(error.status, error.code, error.message, worded);
  }
  const out: FormErrors = {};
  for (const [field, message] of Object.entries(formErrors(e, t, {}, tx.apiErrors))) {
    if (fields.includes(field)) out[field] = message;
    else out.form ??= message;
  }
  // What a field shows alone can be missed: a form-level line says there is something to correct.
  if (Object.keys(out).length > 0 && !out.form) out.form = tx.apiErrors('validation-failed');
  return out;
}

/**
 * Someone changed the person in between (409 `stale-version`): nothing was overwritten. Says who and when, and
 * offers to reload the page (the forms then show the person as they are, and the next save sends that version).
 */
export function PersonStaleNotice(props: { details: StaleDetails; onReload: () => void }) {
  const tx = useTexts();
  return (
    <StaleVersionNotice
      details={props.details}
      title={tx.staleTitle}
      text={tx.staleText}
      reloadLabel={tx.reload}
      onReload={props.onReload}
    />
  );
}
