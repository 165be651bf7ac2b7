import type { Facilitator, SessionStatus, UpdateSessionInput } from '../api/sessions-api.ts';
import type { Module, Path, Site } from '../content/schemas.ts';
import { conflict, invalid } from '../errors.ts';
import { type Interval, overlaps } from './time.ts';

/** One entry of a trainer's or a room's agenda (a facilitation or a room booking). */
export interface ScheduleBooking extends Interval {
  sessionId: string;
}

/**
 * The first booking of an agenda that overlaps the candidate, ignoring the candidate's own booking (a session
 * being moved, or an idempotent retry of a creation that already wrote its bookings). Half-open intervals, so
 * back-to-back sessions are allowed.
 */
export function findClash(
  candidate: Interval & { sessionId: string },
  bookings: readonly ScheduleBooking[],
): ScheduleBooking | undefined {
  return bookings.find((b) => b.sessionId !== candidate.sessionId && overlaps(b, candidate));
}

export interface PlacementInput {
  moduleId: string;
  module: Module | undefined;
  pathId?: string | undefined;
  path: Path | undefined;
  siteId: string;
  site: Site | undefined;
  roomId: string;
  capacity: number;
  /** New sessions may not use an archived module or site; a session already scheduled may still move. */
  refuseArchived?: { module: boolean; site: boolean };
}

/** Whether a module is part of a path (entry module, elective or the newcomers' coaching module). */
export function pathIncludesModule(path: Path, moduleId: string): boolean {
  return (
    path.entryModuleId === moduleId ||
    path.electiveModuleIds.includes(moduleId) ||
    path.coachModuleId === moduleId
  );
}

/**
 * Checks that what a session refers to exists in the catalog and fits together. Unknown references are a bad
 * payload (400), not a 404: the resource addressed is the session, the catalog entries are only its inputs.
 */
export function checkPlacement(p: PlacementInput): { roomCapacity: number } {
  const unknown: { field: string; id: string }[] = [];
  if (!p.module) unknown.push({ field: 'moduleId', id: p.moduleId });
  if (p.pathId !== undefined && !p.path) unknown.push({ field: 'pathId', id: p.pathId });
  if (!p.site) unknown.push({ field: 'siteId', id: p.siteId });
  if (unknown.length > 0) {
    throw invalid('unknown-reference', 'The session refers to catalog entries that do not exist', unknown);
  }
  if (p.refuseArchived?.module && p.module?.archived)
    throw conflict('module-archived', `Module '${p.moduleId}' is archived: it can no longer be scheduled`, {
      field: 'moduleId',
    });
  if (p.refuseArchived?.site && p.site?.archived)
    throw conflict('site-archived', `Site '${p.siteId}' is archived: it can no longer host sessions`, {
      field: 'siteId',
    });
  if (p.path?.archived)
    throw conflict('path-archived', `Path '${p.path.id}' is archived`, { field: 'pathId' });
  if (p.path && !pathIncludesModule(p.path, p.moduleId)) {
    throw invalid('module-not-in-path', `Module '${p.moduleId}' is not part of path '${p.path.id}'`, {
      moduleId: p.moduleId,
      pathId: p.path.id,
    });
  }
  const room = p.site!.rooms.find((r) => r.id === p.roomId);
  if (!room) {
    throw invalid('room-not-in-site', `Site '${p.siteId}' has no room '${p.roomId}'`, {
      siteId: p.siteId,
      roomId: p.roomId,
      rooms: p.site!.rooms.map((r) => r.id),
    });
  }
  if (p.capacity > room.capacity) {
    throw invalid(
      'capacity-exceeds-room',
      `Room '${room.id}' seats ${room.capacity}; the session asks for ${p.capacity}`,
      { roomId: room.id, roomCapacity: room.capacity, capacity: p.capacity },
    );
  }
  return { roomCapacity: room.capacity };
}

/** The mutable part of a session: what PATCH may change. */
export interface SessionSchedule extends Interval {
  siteId: string;
  roomId: string;
  capacity: number;
  facilitators: Facilitator[];
}

export interface ScheduleChange {
  next: SessionSchedule;
  timeChanged: boolean;
  roomChanged: boolean;
  /** Trainers whose agenda must be re-checked: everyone when the time moves, otherwise only newcomers. */
  trainersToCheck: string[];
  removedTrainers: string[];
}

/**
 * Applies a PATCH to a session's schedule and says what has to be re-checked. Pure: the store re-runs it on
 * every optimistic retry, against the freshly read session.
 */
export function planScheduleChange(
  current: SessionSchedule & { id: string; status: SessionStatus; enrolledCount: number; version: number },
  patch: UpdateSessionInput,
): ScheduleChange {
  if (patch.expectedVersion !== undefined && patch.expectedVersion !== current.version) {
    throw conflict(
      'version-mismatch',
      `The session is at version ${current.version}, not ${patch.expectedVersion}: reload it and retry`,
      { expectedVersion: patch.expectedVersion, currentVersion: current.version },
    );
  }
  if (current.status !== 'scheduled') {
    throw conflict(
      'session-not-modifiable',
      `Session '${current.id}' is ${current.status}: it cannot change`,
      {
        status: current.status,
      },
    );
  }
  const next: SessionSchedule = {
    start: patch.start ?? current.start,
    end: patch.end ?? current.end,
    siteId: patch.siteId ?? current.siteId,
    roomId: patch.roomId ?? current.roomId,
    capacity: patch.capacity ?? current.capacity,
    facilitators: patch.facilitators ?? current.facilitators,
  };
  if (next.end <= next.start) {
    throw invalid('invalid-time-range', 'end must be after start', { start: next.start, end: next.end });
  }
  if (next.capacity < current.enrolledCount) {
    throw conflict(
      'capacity-below-enrolled',
      `${current.enrolledCount} learners already hold a seat: capacity cannot go below that`,
      { enrolledCount: current.enrolledCount, capacity: next.capacity },
    );
  }
  const timeChanged = next.start !== current.start || next.end !== current.end;
  const roomChanged = next.siteId !== current.siteId || next.roomId !== current.roomId;
  const before = new Set(current.facilitators.map((f) => f.trainerId));
  const after = new Set(next.facilitators.map((f) => f.trainerId));
  return {
    next,
    timeChanged,
    roomChanged,
    trainersToCheck: [...after].filter((t) => timeChanged || !before.has(t)),
    removedTrainers: [...before].filter((t) => !after.has(t)),
  };
}

/** Calendar months in UTC, clamped to the target month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsUtc(iso: string, months: number): string {
  const d = new Date(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
  ).toISOString();
}

export const DEFAULT_LIST_MONTHS = 12;
export const MAX_LIST_MONTHS = 24;

/**
 * The period a session list covers (sessions whose start is in [from, to)). Bounded so that a listing by month
 * buckets is a bounded number of Queries.
 */
export function resolveListRange(
  q: { from?: string; to?: string },
  now: string,
): { from: string; to: string } {
  const from = q.from ?? now;
  const to = q.to ?? addMonthsUtc(from, DEFAULT_LIST_MONTHS);
  if (to <= from) throw invalid('invalid-range', '`to` must be after `from`', { from, to });
  if (to > addMonthsUtc(from, MAX_LIST_MONTHS)) {
    throw invalid('range-too-large', `A listing covers at most ${MAX_LIST_MONTHS} months`, { from, to });
  }
  return { from, to };
}

/** The UTC month buckets (`YYYY-MM`) holding starts in [from, to). */
export function monthBuckets(from: string, to: string): string[] {
  const last = new Date(Date.parse(to) - 1).toISOString().slice(0, 7);
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const bucket = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (bucket > last) break;
    out.push(bucket);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export interface ListFilters {
  moduleId?: string | undefined;
  site?: string | undefined;
  pathId?: string | undefined;
  status?: SessionStatus | undefined;
}

/**
 * The filters an index did not already apply. A session without a pathId is open to every path containing its
 * module, so it matches a path filter when `pathModules` (the path's modules) contains it.
 */
export function matchesListFilters(
  s: { moduleId: string; siteId: string; pathId?: string | undefined; status: SessionStatus },
  f: ListFilters,
  pathModules: ReadonlySet<string> | undefined,
): boolean {
  if (f.moduleId !== undefined && s.moduleId !== f.moduleId) return false;
  if (f.site !== undefined && s.siteId !== f.site) return false;
  if (f.status !== undefined && s.status !== f.status) return false;
  if (f.pathId !== undefined) {
    if (s.pathId !== undefined) return s.pathId === f.pathId;
    return pathModules?.has(s.moduleId) ?? false;
  }
  return true;
}

/** A trainer's agenda: sessions not yet over first (soonest first), then past ones (most recent first). */
export function orderFacilitations<T extends { session: Interval & { id: string } }>(
  items: T[],
  now: string,
): T[] {
  const upcoming = items.filter((i) => i.session.end > now);
  const past = items.filter((i) => i.session.end <= now);
  const byStart = (a: T, b: T) =>
    a.session.start === b.session.start
      ? a.session.id.localeCompare(b.session.id)
      : a.session.start.localeCompare(b.session.start);
  return [...upcoming.sort(byStart), ...past.sort((a, b) => byStart(b, a))];
}
