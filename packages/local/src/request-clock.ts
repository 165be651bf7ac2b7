import { AsyncLocalStorage } from 'node:async_hooks';
import { setClockSource } from '@parcours/domain/clock';

/**
 * Lets a test say "this request happens at T" (`X-Parcours-Now: <ISO instant>`) instead of waiting for real time to
 * pass: the business clock of that request (and of what it awaits) runs from T. Local-only: the adapter honours the
 * header only with `localRoutes` on, which the deployed stack never has; on AWS nothing installs this source.
 */
export const NOW_HEADER = 'x-parcours-now';

const offsets = new AsyncLocalStorage<number>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  setClockSource(() => Date.now() + (offsets.getStore() ?? 0));
}

/** The offset asked by a request's header, or undefined (absent or not an instant). */
export function requestedOffset(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const t = Date.parse(header);
  return Number.isNaN(t) ? undefined : t - Date.now();
}

/** Runs `fn` with the business clock moved by `offsetMs`. */
export function withClockOffset<T>(offsetMs: number, fn: () => Promise<T>): Promise<T> {
  install();
  return offsets.run(offsetMs, fn);
}
