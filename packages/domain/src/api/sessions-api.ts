import * as z from 'zod/mini';
import { kebabId } from '../content/schemas.ts';
import { SESSION_ID_PATTERN } from '../lms/session-ids.ts';
import '../zod-locale.ts';

/** UTC instants on the wire, ISO 8601 with an explicit offset (`Z` or `+02:00`), normalised to UTC on input. */
export const instant = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((s: string) => new Date(s).toISOString()),
);

export const FACILITATOR_ROLES = ['lead', 'co-facilitator', 'shadow', 'observer'] as const;
export const facilitatorRole = z.enum(FACILITATOR_ROLES);
export type FacilitatorRole = z.infer<typeof facilitatorRole>;

export const SESSION_STATUSES = ['scheduled', 'cancelled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const userId = z
  .string()
  .check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_.@-]+$/, 'invalid user id'));

/** Session ids are generated (`s-` + 26 base32 characters), not kebab ids: see lms/session-ids.ts. */
export const sessionId = z.string().check(z.regex(SESSION_ID_PATTERN, 'invalid session id'));
export const sessionIdParams = z.strictObject({ id: sessionId });

export const facilitatorSchema = z.strictObject({ trainerId: userId, role: facilitatorRole });
export type Facilitator = z.infer<typeof facilitatorSchema>;

export const createSessionBody = z
  .strictObject({
    moduleId: kebabId,
    pathId: z.optional(kebabId),
    start: instant,
    end: instant,
    siteId: kebabId,
    roomId: kebabId,
    capacity: z.int().check(z.gte(1), z.lte(500)),
    facilitators: z._default(z.array(facilitatorSchema).check(z.maxLength(10)), []),
    /** The lab may schedule a session without a certified lead; the override is recorded. */
    overrideNoCertifiedLead: z.optional(z.boolean()),
  })
  .check(
    z.refine((b) => b.end > b.start, { message: 'end must be after start', path: ['end'] }),
    z.refine((b) => new Set(b.facilitators.map((f) => f.trainerId)).size === b.facilitators.length, {
      message: 'a trainer appears twice',
      path: ['facilitators'],
    }),
  );
export type CreateSessionInput = z.infer<typeof createSessionBody>;

export const updateSessionBody = z
  .strictObject({
    start: z.optional(instant),
    end: z.optional(instant),
    siteId: z.optional(kebabId),
    roomId: z.optional(kebabId),
    capacity: z.optional(z.int().check(z.gte(1), z.lte(500))),
    facilitators: z.optional(z.array(facilitatorSchema).check(z.maxLength(10))),
    /** Optimistic concurrency: the version the client read (409 if someone changed the session since). */
    expectedVersion: z.optional(z.int().check(z.positive())),
  })
  .check(
    z.refine((b) => Object.keys(b).some((k) => k !== 'expectedVersion'), { message: 'nothing to update' }),
    // Only checkable here when both ends are given; the store re-checks the merged result.
    z.refine((b) => b.start === undefined || b.end === undefined || b.end > b.start, {
      message: 'end must be after start',
      path: ['end'],
    }),
    z.refine(
      (b) =>
        !b.facilitators || new Set(b.facilitators.map((f) => f.trainerId)).size === b.facilitators.length,
      {
        message: 'a trainer appears twice',
        path: ['facilitators'],
      },
    ),
  );
export type UpdateSessionInput = z.infer<typeof updateSessionBody>;

export const cancelSessionBody = z.strictObject({ reason: z.optional(z.string().check(z.maxLength(500))) });

export const listSessionsQuery = z.strictObject({
  moduleId: z.optional(kebabId),
  site: z.optional(kebabId),
  pathId: z.optional(kebabId),
  from: z.optional(instant),
  to: z.optional(instant),
  status: z.optional(z.enum(SESSION_STATUSES)),
  // `z.int()` as a check, not as the base schema: the base must stay `z.coerce.number()` (query strings are text).
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

export const sessionView = z
  .object({
    id: z.string(),
    moduleId: z.string(),
    pathId: z.optional(z.string()),
    start: z.string(),
    end: z.string(),
    /** The same instants rendered for people: Europe/Paris wall-clock time. */
    startLocal: z.string(),
    endLocal: z.string(),
    timeZone: z.literal('Europe/Paris'),
    siteId: z.string(),
    roomId: z.string(),
    capacity: z.number(),
    enrolledCount: z.number(),
    waitlistLength: z.number(),
    seatsLeft: z.number(),
    status: z.enum(SESSION_STATUSES),
    facilitators: z.array(facilitatorSchema),
    version: z.number(),
    warnings: z.optional(z.array(z.object({ code: z.string(), message: z.string() }))),
  })
  .check(z.meta({ id: 'Session' }));
export type SessionView = z.infer<typeof sessionView>;

export const sessionList = z.object({ items: z.array(sessionView), nextCursor: z.optional(z.string()) });

/** `GET /me/facilitations`: optional period on the session start, [from, to). */
export const facilitationsQuery = z.strictObject({ from: z.optional(instant), to: z.optional(instant) });
export const facilitationView = z
  .object({ role: facilitatorRole, session: sessionView })
  .check(z.meta({ id: 'Facilitation' }));
export type FacilitationView = z.infer<typeof facilitationView>;
export const facilitationList = z.object({ items: z.array(facilitationView) });

export const ENROLMENT_STATUSES = [
  'enrolled',
  'waitlisted',
  'cancelled',
  'attended',
  'partially-attended',
  'no-show',
  'session-cancelled',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
/** Statuses holding a seat or a place in the queue. */
export const ACTIVE_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ['enrolled', 'waitlisted'];

export const enrolBody = z.strictObject({ learnerId: z.optional(userId), pathId: z.optional(kebabId) });
export const cancelEnrolmentBody = z.strictObject({ reason: z.optional(z.string().check(z.maxLength(500))) });

export const enrolmentView = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    learnerId: z.string(),
    /** The learner's display name, in a session's list for the lab and its facilitators (attendance, calls). */
    learnerName: z.optional(z.string()),
    moduleId: z.string(),
    pathId: z.optional(z.string()),
    status: z.enum(ENROLMENT_STATUSES),
    waitlistPosition: z.optional(z.number()),
    sessionStart: z.string(),
    sessionEnd: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .check(z.meta({ id: 'Enrolment' }));
export type EnrolmentView = z.infer<typeof enrolmentView>;
export const enrolmentList = z.object({ items: z.array(enrolmentView) });

export const ATTENDANCE_MARKS = ['present', 'partial', 'absent'] as const;
export const attendanceBody = z
  .array(z.strictObject({ learnerId: userId, status: z.enum(ATTENDANCE_MARKS) }))
  .check(
    z.minLength(1),
    z.maxLength(500),
    z.refine((a) => new Set(a.map((x) => x.learnerId)).size === a.length, {
      message: 'a learner appears twice',
    }),
  );
export type AttendanceInput = z.infer<typeof attendanceBody>;
export const attendanceResult = z.object({
  items: z.array(
    z.object({ learnerId: z.string(), status: z.enum(ENROLMENT_STATUSES), completed: z.boolean() }),
  ),
});

export const enrolmentIdParams = z.strictObject({ id: z.uuid() });

const moduleProgressStatus = z.enum(['completed', 'enrolled', 'waitlisted', 'not-started']);
export const progressView = z
  .object({
    paths: z.array(
      z.object({
        pathId: z.string(),
        joined: z.boolean(),
        joinedAt: z.optional(z.string()),
        entryModule: z.object({ moduleId: z.string(), status: moduleProgressStatus }),
        electives: z.array(z.object({ moduleId: z.string(), status: moduleProgressStatus })),
        electivesCompleted: z.number(),
        electivesRequired: z.number(),
        completed: z.boolean(),
        remaining: z.object({
          entryModule: z.optional(z.string()),
          electivesStillNeeded: z.number(),
          electiveOptions: z.array(z.string()),
        }),
      }),
    ),
    competencies: z.array(
      z.object({
        competencyId: z.string(),
        level: z.enum(['discover', 'practise', 'master', 'can-teach']),
        evidence: z.array(z.object({ moduleId: z.string(), sessionId: z.string(), completedAt: z.string() })),
      }),
    ),
  })
  .check(z.meta({ id: 'Progress' }));

export const suggestedQuery = z.strictObject({
  site: z.optional(kebabId),
  from: z.optional(instant),
  to: z.optional(instant),
  pathId: z.optional(kebabId),
  maxWaitlist: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(50))),
});

export const joinPathResult = z.object({ pathId: z.string(), joinedAt: z.string(), newcomer: z.boolean() });

export const suggestedView = z
  .object({
    items: z.array(
      z.object({
        moduleId: z.string(),
        reason: z.enum(['entry-module', 'elective']),
        sessions: z.array(sessionView),
      }),
    ),
  })
  .check(z.meta({ id: 'SuggestedSessions' }));

export const catchUpView = z
  .object({
    paths: z.array(
      z.object({
        pathId: z.string(),
        newcomer: z.boolean(),
        joinedAt: z.optional(z.string()),
        cohortStart: z.optional(z.string()),
        missed: z.array(
          z.object({
            moduleId: z.string(),
            cohortSessionsHeld: z.number(),
            nextSessions: z.array(sessionView),
          }),
        ),
        coach: z.optional(z.object({ moduleId: z.string(), nextSessions: z.array(sessionView) })),
      }),
    ),
  })
  .check(z.meta({ id: 'CatchUpPlan' }));
