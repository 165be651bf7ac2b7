import { ApiError } from '../../../api/http.ts';
import { type FormErrors, formErrors } from '../../../components/form-errors.ts';
import type { Dictionary } from '../../../i18n/fr.ts';
import type { LabCatalogTexts } from './texts.ts';

/** `error.details` of a 409 `stale-version` (the contract's words; error details are not in the schema). */
export interface StaleDetails {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

interface Issue {
  path?: string;
  message?: string;
}

/**
 * An API error spread over the form's fields. A 400 `catalog-invalid` has the same details as a
 * `validation-failed` (issues by path), so it goes through `formErrors` the same way: `electiveModuleIds` lands on
 * the electives. An issue deeper down (`title.en`, `rooms.1.capacity`) is also kept under its whole path, so
 * that very input is marked too; a taken id goes to the id field.
 */
export function catalogFormErrors(error: unknown, t: Dictionary, tx: LabCatalogTexts): FormErrors {
  const issues =
    error instanceof ApiError &&
    (error.code === 'validation-failed' || error.code === 'catalog-invalid') &&
    Array.isArray(error.details)
      ? (error.details as Issue[])
      : undefined;
  if (!issues) return formErrors(error, t, { 'catalog-id-taken': 'id' }, (code) => tx.error(code));
  const worded = issues.map((i) => ({ ...i, message: issueText(i.message ?? '', tx) }));
  const asValidation = new ApiError(400, 'validation-failed', (error as ApiError).message, worded);
  const out = formErrors(asValidation, t);
  for (const issue of worded) {
    if (issue.path?.includes('.')) out[issue.path] ??= issue.message ?? '';
  }
  // What a field shows alone can be missed: a form-level line says there is something to correct.
  out.form ??= tx.error((error as ApiError).code);
  return out;
}

/**
 * The API's issue messages are English (zod's and the catalogue rules'): the usual ones in the interface's words,
 * the others as they are.
 */
export function issueText(message: string, tx: LabCatalogTexts): string {
  const w = tx.issue;
  const id = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (/^Too small: expected (string|array) to have >=1/.test(message)) return w.required;
  if (/expected (number|int)/i.test(message) && /received (null|NaN|string)/i.test(message)) return w.number;
  if (/^Too small/.test(message)) return w.tooSmall;
  if (/^Too big/.test(message)) return w.tooBig;
  if (/kebab-case/.test(message)) return w.kebab;
  if (/^Invalid ISO date/.test(message)) return w.date;
  if (message === 'theory + practice must equal the duration') return w.split;
  if (/^unknown competency '/.test(message)) return w.unknownCompetency(id);
  if (/^unknown module '/.test(message)) return w.unknownModule(id);
  if (/^module '.+' is archived$/.test(message)) return w.archivedModule(id);
  if (message === 'a module cannot be its own prerequisite') return w.selfPrerequisite;
  if (message === 'the entry module cannot also be an elective') return w.entryElective;
  if (message === 'more than the number of electives') return w.tooManyRequired;
  if (message === 'two rooms have the same id') return w.duplicateRooms;
  if (message.includes('SIRET (14 digits)')) return w.siret;
  if (message === 'the same SIRET and unit are listed twice') return w.duplicateIdentifiers;
  const taken = /^SIRET (\d+) already names service '([^']+)'$/.exec(message);
  if (taken?.[1] && taken[2]) return w.identifierTaken(taken[1], taken[2]);
  return message;
}

/** The details of a 409 `stale-version` (who saved, when, which version), when that is what the error is. */
export function staleOf(error: unknown): StaleDetails | undefined {
  if (!(error instanceof ApiError) || error.code !== 'stale-version') return undefined;
  const d = error.details as Partial<StaleDetails> | undefined;
  return {
    version: typeof d?.version === 'number' ? d.version : 0,
    updatedAt: typeof d?.updatedAt === 'string' ? d.updatedAt : '',
    updatedBy: typeof d?.updatedBy === 'string' ? d.updatedBy : '?',
  };
}

/** A toolbar action's error in words: `module-in-path` names the paths (by title, via `pathTitle`). */
export function actionErrorText(
  error: unknown,
  tx: LabCatalogTexts,
  pathTitle: (id: string) => string,
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'module-in-path') {
    const ids = (error.details as { pathIds?: unknown } | undefined)?.pathIds;
    const names = Array.isArray(ids) ? ids.map((id) => pathTitle(String(id))).join(', ') : undefined;
    return tx.error(error.code, names);
  }
  return tx.error(error.code);
}
