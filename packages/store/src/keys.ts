/**
 * Every key the application writes is built here, and only here.
 *
 * Conventions (see docs/architecture.md, "Key design"):
 * - key parts are labelled `label#value` and joined with `#`, so a key reads like `session#s-123#enrolment#e-456`;
 * - keys are built from immutable identifiers only (ids, creation timestamps), never from mutable attributes such
 *   as a title, a status or a session's start time (those live in GSI keys that are rewritten with the item);
 * - every item also stores `entity` so a stream consumer or a rebuild can dispatch on it.
 */
export type KeyPart = readonly [label: string, value: string | number];

export function composeKey(...parts: KeyPart[]): string {
  return parts.map(([label, value]) => `${label}#${value}`).join('#');
}

/** Fixed-width, lexicographically sortable integers for sort keys (e.g. waitlist sequence numbers). */
export function sortableNumber(n: number, width = 10): string {
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`sortableNumber expects a non-negative integer, got ${n}`);
  return String(n).padStart(width, '0');
}

export interface ItemKey {
  pk: string;
  sk: string;
}

export const keys = {
  catalog: {
    /** All catalog items share one partition: the catalog is small (tens of items) and read together. */
    module: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['module', id]) }),
    path: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['path', id]) }),
    site: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['site', id]) }),
    competency: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['competency', id]) }),
    service: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['service', id]) }),
    partition: 'catalog',
    prefix: (kind: 'module' | 'path' | 'site' | 'competency' | 'service') => `${kind}#`,
  },
  user: {
    partition: (userId: string) => composeKey(['user', userId]),
    profile: (userId: string): ItemKey => ({ pk: composeKey(['user', userId]), sk: 'profile' }),
    /** Version counter serialising one learner's enrolment decisions (overlap, one active per module). */
    enrolmentLock: (userId: string): ItemKey => ({ pk: composeKey(['user', userId]), sk: 'lock#enrolment' }),
    /** The learner's copy of an enrolment, kept in the same transaction, so "my enrolments" is one Query. */
    booking: (userId: string, sessionId: string): ItemKey => ({
      pk: composeKey(['user', userId]),
      sk: composeKey(['booking', sessionId]),
    }),
    completion: (userId: string, moduleId: string): ItemKey => ({
      pk: composeKey(['user', userId]),
      sk: composeKey(['completion', moduleId]),
    }),
    pathMembership: (userId: string, pathId: string): ItemKey => ({
      pk: composeKey(['user', userId]),
      sk: composeKey(['path', pathId]),
    }),
    prefix: { booking: 'booking#', completion: 'completion#', path: 'path#' },
  },
  session: {
    item: (sessionId: string): ItemKey => ({ pk: composeKey(['session', sessionId]), sk: 'session' }),
    partition: (sessionId: string) => composeKey(['session', sessionId]),
    /** Arrival tickets for enrolment requests: an atomic counter outside transactions, so it never conflicts. */
    ticketCounter: (sessionId: string): ItemKey => ({ pk: composeKey(['session', sessionId]), sk: 'ticket-counter' }),
    enrolment: (sessionId: string, learnerId: string): ItemKey => ({
      pk: composeKey(['session', sessionId]),
      sk: composeKey(['enrolment', learnerId]),
    }),
    /** Waitlist entries sort by arrival ticket: a strongly consistent Query gives the FIFO order. */
    waitlistEntry: (sessionId: string, ticket: number): ItemKey => ({
      pk: composeKey(['session', sessionId]),
      sk: composeKey(['waitlist', sortableNumber(ticket, 12)]),
    }),
    prefix: { enrolment: 'enrolment#', waitlist: 'waitlist#' },
    /** GSI keys of the session item: rewritten with the item when it moves (start is mutable, ids are not). */
    byModule: (moduleId: string, start: string, sessionId: string) => ({
      gsi1pk: composeKey(['module', moduleId], ['sessions', 'all']),
      gsi1sk: `${start}#${sessionId}`,
    }),
    bySite: (siteId: string, start: string, sessionId: string) => ({
      gsi2pk: composeKey(['site', siteId], ['sessions', 'all']),
      gsi2sk: `${start}#${sessionId}`,
    }),
    byMonth: (start: string, sessionId: string) => ({
      gsi3pk: composeKey(['sessions', start.slice(0, 7)]),
      gsi3sk: `${start}#${sessionId}`,
    }),
    moduleIndexPk: (moduleId: string) => composeKey(['module', moduleId], ['sessions', 'all']),
    siteIndexPk: (siteId: string) => composeKey(['site', siteId], ['sessions', 'all']),
    monthIndexPk: (month: string) => composeKey(['sessions', month]),
  },
  enrolment: {
    /** GSI1 on the enrolment item: find an enrolment by its id (the xAPI registration UUID). */
    byId: (enrolmentId: string) => ({ gsi1pk: composeKey(['enrolment', enrolmentId]), gsi1sk: 'enrolment' }),
  },
  trainer: {
    partition: (trainerId: string) => composeKey(['trainer', trainerId]),
    scheduleLock: (trainerId: string): ItemKey => ({ pk: composeKey(['trainer', trainerId]), sk: 'lock#schedule' }),
    facilitation: (trainerId: string, sessionId: string): ItemKey => ({
      pk: composeKey(['trainer', trainerId]),
      sk: composeKey(['facilitation', sessionId]),
    }),
    prefix: { facilitation: 'facilitation#' },
  },
  room: {
    partition: (siteId: string, roomId: string) => composeKey(['room', siteId], ['name', roomId]),
    scheduleLock: (siteId: string, roomId: string): ItemKey => ({
      pk: composeKey(['room', siteId], ['name', roomId]),
      sk: 'lock#schedule',
    }),
    booking: (siteId: string, roomId: string, sessionId: string): ItemKey => ({
      pk: composeKey(['room', siteId], ['name', roomId]),
      sk: composeKey(['booking', sessionId]),
    }),
    prefix: { booking: 'booking#' },
  },
  idempotency: {
    /**
     * The record of one `Idempotency-Key`, scoped to the operation and the caller (a key is only meaningful to the
     * client that chose it). Expires through the table's TTL.
     */
    record: (operation: string, userId: string, key: string): ItemKey => ({
      pk: composeKey(['idem', operation], ['user', userId], ['key', key]),
      sk: 'idem',
    }),
  },
} as const;
