import type { FormErrors } from '../../../components/form-errors.ts';

/**
 * After a refused submit, focus the first field in error (`<prefix>-<field>`), once the error is rendered and tied
 * to it by aria-describedby: a keyboard or screen-reader user lands on what to fix and hears why. Errors of the
 * whole form are in a role="alert" notice instead.
 */
export function focusFirstError(prefix: string, errors: FormErrors, order: readonly string[]): void {
  const field = order.find((f) => errors[f]);
  if (!field) return;
  setTimeout(() => document.getElementById(`${prefix}-${field}`)?.focus(), 0);
}
