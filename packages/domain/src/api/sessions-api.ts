import { z } from 'zod';
import { kebabId } from '../content/schemas.ts';
import { SESSION_ID_PATTERN } from '../lms/session-ids.ts';

/** UTC instants on the wire, ISO 8601 with an explicit offset (`Z` or `+02:00`), normalised to UTC on input. */
export const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const FACILITATOR_ROLES = ['lead', 'co-facilitator', 'shadow', 'observer'] as const;
export const facilitatorRole = z.enum(FACILITATOR_ROLES);
export type FacilitatorRole = z.infer<typeof facilitatorRole>;

export const SESSION_STATUSES = ['scheduled', 'cancelled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const userId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'invalid user id');

/** Session ids are generated (`s-` + 26 base32 characters), not kebab ids: see lms/session-ids.ts. */
export const sessionId = z.string().regex(SESSION_ID_PATTERN, 'invalid session id');
export const sessionIdParams = z.strictObject({ id: sessionId });

export const facilitatorSchema = z.strictObject({ trainerId: userId, role: facilitatorRole });
export type Facilitator = z.infer<typeof facilitatorSchema>;

export const createSessionBody = z
  .strictObject({
    moduleId: kebabId,
    pathId: kebabId.optional(),
    start: instant,
    end: instant,
    siteId: kebabId,
    roomId: kebabId,
    capacity: z.number().int().min(1).max(500),
    facilitators: z.array(facilitatorSchema).max(10).default([]),
    /** The lab may schedule a session without a certified lead; the override is recorded. */
    overrideNoCertifiedLead: z.boolean().optional(),
  })
  .refine((b) => b.end > b.start, { message: 'end must be after start', path: ['end'] })
  .refine((b) => new Set(b.facilitators.map((f) => f.trainerId)).size === b.facilitators.length, {
    message: 'a trainer appears twice',
    path: ['facilitators'],
  });
export type CreateSessionInput = z.infer<typeof createSessionBody>;

export const updateSessionBody = z
  .strictObject({
    start: instant.optional(),
    end: instant.optional(),
    siteId: kebabId.optional(),
    roomId: kebabId.optional(),
    capacity: z.number().int().min(1).max(500).optional(),
    facilitators: z.array(facilitatorSchema).max(10).optional(),
    /** Optimistic concurrency: the version the client read (409 if someone changed the session since). */
    expectedVersion: z.number().int().positive().optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'expectedVersion'), { message: 'nothing to update' })
  // Only checkable here when both ends are given; the store re-checks the merged result.
  .refine((b) => b.start === undefined || b.end === undefined || b.end > b.start, {
    message: 'end must be after start',
    path: ['end'],
  })
  .refine(
    (b) => !b.facilitators || new Set(b.facilitators.map((f) => f.trainerId)).size === b.facilitators.length,
    {
      message: 'a trainer appears twice',
      path: ['facilitators'],
    },
  );
export type UpdateSessionInput = z.infer<typeof updateSessionBody>;

export const cancelSessionBody = z.strictObject({ reason: z.string().max(500).optional() });

export const listSessionsQuery = z.strictObject({
  moduleId: kebabId.optional(),
  site: kebabId.optional(),
  pathId: kebabId.optional(),
  from: instant.optional(),
  to: instant.optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(2048).optional(),
});

export const sessionView = z
  .object({
    id: z.string(),
    moduleId: z.string(),
    pathId: z.string().optional(),
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
    warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof sessionView>;

export const sessionList = z.object({ items: z.array(sessionView), nextCursor: z.string().optional() });

/** `GET /me/facilitations`: optional period on the session start, [from, to). */
export const facilitationsQuery = z.strictObject({ from: instant.optional(), to: instant.optional() });
export const facilitationView = z
  .object({ role: facilitatorRole, session: sessionView })
  .meta({ id: 'Facilitation' });
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

export const enrolBody = z.strictObject({ learnerId: userId.optional(), pathId: kebabId.optional() });
export const cancelEnrolmentBody = z.strictObject({ reason: z.string().max(500).optional() });

export const enrolmentView = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    learnerId: z.string(),
    moduleId: z.string(),
    pathId: z.string().optional(),
    status: z.enum(ENROLMENT_STATUSES),
    waitlistPosition: z.number().optional(),
    sessionStart: z.string(),
    sessionEnd: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Enrolment' });
export type EnrolmentView = z.infer<typeof enrolmentView>;
export const enrolmentList = z.object({ items: z.array(enrolmentView) });

export const ATTENDANCE_MARKS = ['present', 'partial', 'absent'] as const;
export const attendanceBody = z
  .array(z.strictObject({ learnerId: userId, status: z.enum(ATTENDANCE_MARKS) }))
  .min(1)
  .max(500)
  .refine((a) => new Set(a.map((x) => x.learnerId)).size === a.length, {
    message: 'a learner appears twice',
  });
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
        joinedAt: z.string().optional(),
        entryModule: z.object({ moduleId: z.string(), status: moduleProgressStatus }),
        electives: z.array(z.object({ moduleId: z.string(), status: moduleProgressStatus })),
        electivesCompleted: z.number(),
        electivesRequired: z.number(),
        completed: z.boolean(),
        remaining: z.object({
          entryModule: z.string().optional(),
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
  .meta({ id: 'Progress' });

export const suggestedQuery = z.strictObject({
  site: kebabId.optional(),
  from: instant.optional(),
  to: instant.optional(),
  pathId: kebabId.optional(),
  maxWaitlist: z.coerce.number().int().min(0).max(50).optional(),
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
  .meta({ id: 'SuggestedSessions' });

export const catchUpView = z
  .object({
    paths: z.array(
      z.object({
        pathId: z.string(),
        newcomer: z.boolean(),
        joinedAt: z.string().optional(),
        cohortStart: z.string().optional(),
        missed: z.array(
          z.object({
            moduleId: z.string(),
            cohortSessionsHeld: z.number(),
            nextSessions: z.array(sessionView),
          }),
        ),
        coach: z.object({ moduleId: z.string(), nextSessions: z.array(sessionView) }).optional(),
      }),
    ),
  })
  .meta({ id: 'CatchUpPlan' });
