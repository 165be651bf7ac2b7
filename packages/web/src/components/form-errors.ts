import { ApiError } from '../api/http.ts';
import type { Dictionary } from '../i18n/fr.ts';

/** Messages by form field name; `form` holds what concerns no single field (shown above the buttons). */
export type FormErrors = Record<string, string> & { form?: string };

interface Issue {
  path?: string;
  message?: string;
}

/**
 * Spreads an API error over the form's fields, in the user's language: a 400 `validation-failed` by each issue's
 * path (`facilitators.0.trainerId` → `facilitators`), a business error by `fieldOfCode` (e.g.
 * `{ 'room-unavailable': 'roomId' }`). `messageOf` gives the view's own words for a code; the global dictionary's
 * next; the API's (English) message last.
 */
export function formErrors(
  error: unknown,
  t: Dictionary,
  fieldOfCode: Record<string, string> = {},
  messageOf: (code: string) => string | undefined = () => undefined,
): FormErrors {
  if (!(error instanceof ApiError)) return { form: `${t.errorPrefix} ${String(error)}` };
  if (error.code === 'network-error') return { form: t.networkError };
  if (error.code === 'validation-failed' && Array.isArray(error.details)) {
    const out: FormErrors = {};
    for (const issue of error.details as Issue[]) {
      const field = issue.path?.split('.')[0] || 'form';
      out[field] ??= issue.message ?? error.message;
    }
    return out;
  }
  const message = messageOf(error.code) ?? t.apiError(error.code) ?? error.message;
  return { [fieldOfCode[error.code] ?? 'form']: message };
}
