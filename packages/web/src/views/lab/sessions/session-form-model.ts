import type { Session } from '../../../api/types.ts';
import type { FormErrors } from '../../../components/form-errors.ts';
import { instantToParis, parisToInstant } from './paris-time.ts';
import type { FacilitatorRole } from './session-helpers.ts';
import type { SessionTexts } from './texts.ts';

/** The session form's state: what the inputs hold, as text (a half-typed date is not an error yet). */
export interface FacilitatorRow {
  /** Stable across removals, for keys and ids. */
  key: number;
  trainerId: string;
  role: FacilitatorRole;
}

export interface FormValues {
  moduleId: string;
  siteId: string;
  roomId: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  capacity: string;
  rows: FacilitatorRow[];
  override: boolean;
  overrideReason: string;
}

export type Facilitator = Session['facilitators'][number];

/** The fields errors can be shown on; anything else the server names goes to the form-level notice. */
export const FIELDS = [
  'moduleId',
  'siteId',
  'roomId',
  'start',
  'end',
  'capacity',
  'facilitators',
  'overrideReason',
];

/** Server error codes → the field they concern. */
export const FIELD_OF_CODE: Record<string, string> = {
  'room-unavailable': 'roomId',
  'room-not-in-site': 'roomId',
  'trainer-unavailable': 'facilitators',
  'module-archived': 'moduleId',
  'module-not-in-path': 'moduleId',
  'capacity-exceeds-room': 'capacity',
  'capacity-below-enrolled': 'capacity',
  'invalid-time-range': 'end',
  'stale-version': 'form',
  'version-mismatch': 'form',
};

export function initialValues(session?: Session): FormValues {
  if (!session) {
    return {
      moduleId: '',
      siteId: '',
      roomId: '',
      startDate: '',
      startTime: '',
      endDate: '',
      endTime: '',
      capacity: '',
      rows: [],
      override: false,
      overrideReason: '',
    };
  }
  const start = instantToParis(session.start);
  const end = instantToParis(session.end);
  return {
    moduleId: session.moduleId,
    siteId: session.siteId,
    roomId: session.roomId,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    capacity: String(session.capacity),
    rows: session.facilitators.map((f, i) => ({ key: i + 1, trainerId: f.trainerId, role: f.role })),
    override: false,
    overrideReason: '',
  };
}

export function instantsOf(v: FormValues): { start?: string; end?: string } {
  const start = parisToInstant(v.startDate, v.startTime);
  const end = parisToInstant(v.endDate, v.endTime);
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

/** The rows with a trainer chosen: what the staffing check and the API get. */
export function facilitatorsOf(rows: FacilitatorRow[]): Facilitator[] {
  return rows.filter((r) => r.trainerId).map((r) => ({ trainerId: r.trainerId, role: r.role }));
}

/**
 * When the start is complete and the end time not typed yet, the end the module's duration gives: the lab adjusts
 * it rather than typing it.
 */
export function withSuggestedEnd(v: FormValues, durationMinutes: number | undefined): FormValues {
  if (!durationMinutes || v.endTime) return v;
  const start = parisToInstant(v.startDate, v.startTime);
  if (!start) return v;
  const end = instantToParis(new Date(Date.parse(start) + durationMinutes * 60_000).toISOString());
  return { ...v, endDate: end.date, endTime: end.time };
}

/** What the browser can tell before asking the server. */
export function validate(
  v: FormValues,
  ctx: { tx: SessionTexts; roomCapacity?: number; minCapacity: number; needsOverride: boolean },
): FormErrors {
  const { tx } = ctx;
  const e: FormErrors = {};
  if (!v.moduleId) e.moduleId = tx.required;
  if (!v.siteId) e.siteId = tx.required;
  if (!v.roomId) e.roomId = tx.required;
  const { start, end } = instantsOf(v);
  if (!v.startDate) e.start = tx.required;
  if (!v.startTime) e.startTime = tx.required;
  if (v.startDate && v.startTime && !start) e.start = tx.invalidTime;
  if (!v.endDate) e.end = tx.required;
  if (!v.endTime) e.endTime = tx.required;
  if (v.endDate && v.endTime && !end) e.end = tx.invalidTime;
  else if (start && end && end <= start) e.end = tx.endBeforeStart;
  const capacity = Number(v.capacity);
  const max = ctx.roomCapacity ?? 500;
  if (!v.capacity) e.capacity = tx.required;
  else if (!Number.isInteger(capacity) || capacity < ctx.minCapacity || capacity > max)
    e.capacity = tx.capacityRange(ctx.minCapacity, max);
  const chosen = v.rows.map((r) => r.trainerId);
  if (chosen.some((id) => !id)) e.facilitators = tx.trainerMissing;
  else if (new Set(chosen).size !== chosen.length) e.facilitators = tx.trainerTwice;
  else if (ctx.needsOverride && !v.override) e.facilitators = tx.overrideNeeded;
  if (ctx.needsOverride && v.override && !v.overrideReason.trim())
    e.overrideReason = tx.overrideReasonRequired;
  return e;
}

/** Server errors on fields this form does not show go to the form-level notice, never lost. */
export function placeErrors(errors: FormErrors): FormErrors {
  const out: FormErrors = {};
  for (const [k, msg] of Object.entries(errors)) {
    const key = FIELDS.includes(k) ? k : 'form';
    out[key] = out[key] ? `${out[key]} ${msg}` : msg;
  }
  return out;
}
