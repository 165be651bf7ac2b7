import type { ApiClient } from '../../../api/client.ts';
import { must, useApi } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import type { Module, Session, Site, Trainer } from '../../../api/types.ts';
import { type FormErrors, formErrors } from '../../../components/form-errors.ts';
import { formatDateTime } from '../../../format.ts';
import { type Resource, useResource } from '../../../hooks/use-resource.ts';
import type { Dictionary } from '../../../i18n/fr.ts';
import type { Locale } from '../../../i18n/i18n.tsx';
import { instantToParis } from './paris-time.ts';
import type { SessionTexts } from './texts.ts';

/** Where this section lives, and its pages (see lab-sessions-view.tsx). */
export const SESSIONS_PATH = '/lab/sessions';
export const sessionPath = (id: string) => `${SESSIONS_PATH}/${encodeURIComponent(id)}`;
export const editPath = (id: string) => `${sessionPath(id)}/modifier`;
export const NEW_PATH = `${SESSIONS_PATH}/nouvelle`;

export type FacilitatorRole = Session['facilitators'][number]['role'];
export const ROLES: FacilitatorRole[] = ['lead', 'co-facilitator', 'shadow', 'observer'];
export type SessionStatus = Session['status'];
export const STATUSES: SessionStatus[] = ['scheduled', 'completed', 'cancelled'];

/** Archived catalogue items still come back from the lists, flagged (catalogue contract of issue #17). */
export function isArchived(item: Module | Site): boolean {
  return item.archived === true;
}

/** "mar. 3 mars 2026, 09:30 – 11:00" (the end's date too when the session spans days). */
export function formatShortSlot(start: string, end: string, locale: Locale): string {
  const sameDay = instantToParis(start).date === instantToParis(end).date;
  return `${formatDateTime(start, locale)} – ${sameDay ? instantToParis(end).time : formatDateTime(end, locale)}`;
}

export function roomOf(site: Site | undefined, roomId: string) {
  return site?.rooms.find((r) => r.id === roomId);
}

/** The trainer registry, fetched once per signed-in client (the list, the form and a session's page share it). */
const trainersCache = new WeakMap<ApiClient, Promise<Trainer[]>>();

function loadTrainers(api: ApiClient): Promise<Trainer[]> {
  let p = trainersCache.get(api);
  if (!p) {
    p = must(api.GET('/trainers')).then((r) => [...r.items].sort((a, b) => a.name.localeCompare(b.name)));
    trainersCache.set(api, p);
    // A failure is not kept: the next page asks again.
    p.catch(() => trainersCache.delete(api));
  }
  return p;
}

export function useTrainers(): [Resource<Trainer[]>, () => void] {
  const api = useApi();
  return useResource(() => loadTrainers(api), [api]);
}

/** A trainer's name from the registry, else the id. */
export function trainerName(trainers: Resource<Trainer[]>, id: string): string {
  return trainers.status === 'ready' ? (trainers.data.find((t) => t.id === id)?.name ?? id) : id;
}

/**
 * An API error spread over a form's fields, in this section's words first (`tx.apiError`), then the global ones.
 * A 409 `trainer-unavailable` names the trainer (its `details.trainerId`).
 */
export function sessionErrors(
  error: unknown,
  t: Dictionary,
  tx: SessionTexts,
  fieldOfCode: Record<string, string>,
  nameOf: (trainerId: string) => string = (id) => id,
): FormErrors {
  return formErrors(error, t, fieldOfCode, (code) => {
    const d = error instanceof ApiError ? error.details : undefined;
    if (code === 'trainer-unavailable' && typeof d === 'object' && d !== null && 'trainerId' in d) {
      if (typeof d.trainerId === 'string') return tx.trainerUnavailable(nameOf(d.trainerId));
    }
    return tx.apiError(code);
  });
}

/** "2026-03" → "mars 2026" / "March 2026". */
export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 15)));
}

/** "2026-03-03" → "mardi 3 mars" / "Tuesday 3 March". */
export function dayLabel(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}
