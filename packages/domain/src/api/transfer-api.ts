import * as z from 'zod/mini';
import { kebabId, localizedText } from '../content/schemas.ts';
import '../zod-locale.ts';
import { facilitatorRole, facilitatorSchema, instant, sessionId, userId } from './sessions-api.ts';

/** API schemas of the trainer transfer and the satisfaction evaluations (docs/transfer.md). */

export const trainerIdParams = z.strictObject({ id: userId });

// --- trainers ---------------------------------------------------------------------------------------------------

export const putTrainerBody = z
  .strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    email: z.optional(z.email().check(z.maxLength(254))),
    phone: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(40))),
    kind: z.enum(['internal', 'external']),
    /** Internal trainers: their home service (a catalog service id). */
    homeServiceId: z.optional(kebabId),
    /** External trainers: their provider organisation. */
    organisation: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    modules: z._default(z.array(kebabId).check(z.maxLength(50)), []),
    active: z._default(z.boolean(), true),
    /** Optimistic concurrency: the version read (409 if it changed since). */
    expectedVersion: z.optional(z.int().check(z.positive())),
  })
  .check(
    z.refine((b) => b.kind !== 'internal' || b.homeServiceId !== undefined, {
      message: 'internal trainers need a homeServiceId',
      path: ['homeServiceId'],
    }),
    z.refine((b) => b.kind !== 'external' || b.organisation !== undefined, {
      message: 'external trainers need an organisation',
      path: ['organisation'],
    }),
  );
export type PutTrainerInput = z.infer<typeof putTrainerBody>;

export const trainerView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.optional(z.string()),
    phone: z.optional(z.string()),
    kind: z.enum(['internal', 'external']),
    homeServiceId: z.optional(z.string()),
    organisation: z.optional(z.string()),
    modules: z.array(z.string()),
    active: z.boolean(),
    kindHistory: z.array(z.object({ kind: z.enum(['internal', 'external']), from: z.string() })),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .check(z.meta({ id: 'Trainer' }));
export const trainerList = z.object({ items: z.array(trainerView) });

const criterionView = z.object({
  criterion: z.string(),
  required: z.number(),
  actual: z.nullable(z.number()),
  met: z.boolean(),
});
const signOffView = z.object({
  by: z.string(),
  byRole: z.enum(['certified', 'lab']),
  at: z.string(),
  recordedAt: z.string(),
  basis: z.enum(['criteria', 'recognition']),
});
export const ladderStateView = z
  .object({
    trainerId: z.string(),
    moduleId: z.string(),
    ladderId: z.string(),
    kind: z.string(),
    currentStep: z.nullable(z.string()),
    currentIndex: z.number(),
    certified: z.boolean(),
    certifiedAt: z.optional(z.string()),
    steps: z.array(
      z.object({
        id: z.string(),
        title: localizedText,
        status: z.enum(['achieved', 'awaiting-sign-off', 'in-progress', 'locked']),
        criteria: z.array(criterionView),
        criteriaMet: z.boolean(),
        signOffBy: z.optional(z.array(z.enum(['certified', 'lab']))),
        signOff: z.optional(signOffView),
        achievedAt: z.optional(z.string()),
      }),
    ),
    counts: z.record(z.string(), z.number()),
    ratings: z.object({ count: z.number(), mean: z.nullable(z.number()) }),
    lastProgressAt: z.optional(z.string()),
    next: z.optional(
      z.object({
        stepId: z.string(),
        missing: z.array(criterionView),
        needsSignOff: z.boolean(),
        awaitingSignOff: z.boolean(),
      }),
    ),
  })
  .check(z.meta({ id: 'LadderState' }));
export const ladderQuery = z.strictObject({ moduleId: z.optional(kebabId) });
export const ladderView = z
  .object({ trainerId: z.string(), modules: z.array(ladderStateView) })
  .check(z.meta({ id: 'Ladder' }));

export const signOffBody = z
  .strictObject({
    moduleId: kebabId,
    stepId: kebabId,
    note: z.optional(z.string().check(z.maxLength(1000))),
    /** The lab recognises a prior qualification (e.g. a provider's certified lead): no criteria checked. */
    recognition: z._default(z.boolean(), false),
    /** Recognition only: the date the qualification dates from (default now). */
    effectiveAt: z.optional(instant),
  })
  .check(
    z.refine((b) => b.effectiveAt === undefined || b.recognition, {
      message: 'effectiveAt is only for recognitions',
      path: ['effectiveAt'],
    }),
  );
export const signOffResult = z
  .object({
    trainerId: z.string(),
    moduleId: z.string(),
    stepId: z.string(),
    by: z.string(),
    byRole: z.enum(['certified', 'lab']),
    at: z.string(),
    recordedAt: z.string(),
    basis: z.enum(['criteria', 'recognition']),
    note: z.optional(z.string()),
    ladder: ladderStateView,
  })
  .check(z.meta({ id: 'SignOff' }));

// --- evaluations ------------------------------------------------------------------------------------------------

const rating = z.int().check(z.gte(1), z.lte(5));
export const evaluationBody = z.strictObject({
  overall: rating,
  /** One answer per objective of the module, in the module's order. */
  objectives: z.array(rating).check(z.maxLength(20)),
  facilitators: z._default(z.array(z.strictObject({ trainerId: userId, rating })).check(z.maxLength(10)), []),
  recommend: z.boolean(),
  comment: z.optional(z.string().check(z.maxLength(10_000))),
});

export const evaluationView = z
  .object({
    sessionId: z.string(),
    status: z.literal('submitted'),
    revision: z.number(),
    submittedAt: z.string(),
    updatedAt: z.string(),
    closesAt: z.string(),
    overall: z.number(),
    objectives: z.array(z.number()),
    facilitators: z.array(z.object({ trainerId: z.string(), rating: z.number() })),
    recommend: z.boolean(),
    comment: z.optional(z.string()),
  })
  .check(z.meta({ id: 'EvaluationResponse' }));

export const pendingEvaluationList = z
  .object({
    items: z.array(
      z.object({
        sessionId: z.string(),
        moduleId: z.string(),
        moduleTitle: localizedText,
        start: z.string(),
        end: z.string(),
        closesAt: z.string(),
        status: z.enum(['to-do', 'submitted']),
        questionnaire: z.object({
          overall: z.string(),
          objectives: z.array(z.object({ index: z.number(), question: z.string() })),
          facilitators: z.array(
            z.object({
              trainerId: z.string(),
              name: z.optional(z.string()),
              role: facilitatorRole,
              question: z.string(),
            }),
          ),
          recommend: z.string(),
          comment: z.string(),
          commentMaxLength: z.number(),
          scale: z.array(z.object({ value: z.number(), label: z.string() })),
        }),
        response: z.optional(evaluationView),
      }),
    ),
  })
  .check(z.meta({ id: 'PendingEvaluations' }));

export const evaluationWindowBody = z.strictObject({
  closesAt: instant,
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export const evaluationWindowView = z
  .object({
    sessionId: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    windowDays: z.number(),
    setBy: z.optional(z.string()),
    setAt: z.optional(z.string()),
    reason: z.optional(z.string()),
  })
  .check(z.meta({ id: 'EvaluationWindow' }));

export const AGGREGATE_DIMENSIONS = [
  'session',
  'module',
  'site',
  'path',
  'trainer',
  'lead-kind',
  'quarter',
  'all',
] as const;
export const aggregatesQuery = z.strictObject({
  by: z.enum(AGGREGATE_DIMENSIONS),
  moduleId: z.optional(kebabId),
  sessionId: z.optional(sessionId),
  trainerId: z.optional(userId),
});
const satisfactionView = z.union([
  z.object({
    key: z.string(),
    hidden: z.literal(false),
    responses: z.number(),
    overall: z.object({ mean: z.number(), distribution: z.array(z.number()) }),
    recommendRate: z.number(),
    objectives: z.optional(z.array(z.object({ mean: z.number() }))),
    facilitatorRating: z.optional(z.object({ mean: z.number(), ratings: z.number() })),
  }),
  z.object({
    key: z.string(),
    hidden: z.literal(true),
    reason: z.literal('too-few-responses'),
    minResponses: z.number(),
  }),
]);
export const aggregatesView = z
  .object({
    by: z.enum(AGGREGATE_DIMENSIONS),
    minResponses: z.number(),
    items: z.array(satisfactionView),
    comments: z.optional(z.array(z.string())),
  })
  .check(z.meta({ id: 'SatisfactionAggregates' }));

// --- delivery mix, forecast, alerts, quality --------------------------------------------------------------------

export const kpiQuery = z
  .strictObject({
    moduleId: z.optional(kebabId),
    pathId: z.optional(kebabId),
    granularity: z._default(z.enum(['month', 'quarter']), 'month'),
    from: z.optional(z.iso.date()),
    to: z.optional(z.iso.date()),
  })
  .check(
    z.refine((q) => !(q.moduleId && q.pathId), { message: 'give moduleId or pathId, not both' }),
    z.refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: 'from must not be after to',
      path: ['from'],
    }),
  );

const kpiPoint = z.object({
  period: z.string(),
  sessions: z.object({ total: z.number(), external: z.number(), mixed: z.number(), internal: z.number() }),
  internalShare: z.nullable(z.number()),
  meanSessionShare: z.nullable(z.number()),
  certifiedInternalLeads: z.number(),
  plannedShare: z.nullable(z.number()),
  gap: z.nullable(z.number()),
});
export const kpiView = z
  .object({
    scope: z.object({ type: z.enum(['module', 'path', 'programme']), id: z.optional(z.string()) }),
    granularity: z.enum(['month', 'quarter']),
    points: z.array(kpiPoint),
    total: z.omit(kpiPoint, { period: true, certifiedInternalLeads: true, plannedShare: true, gap: true }),
    trajectories: z.array(
      z.object({
        moduleId: z.string(),
        externalUntil: z.string(),
        mixedBy: z.string(),
        internalBy: z.string(),
      }),
    ),
  })
  .check(z.meta({ id: 'DeliveryMixKpi' }));

export const forecastQuery = z.strictObject({ moduleId: z.optional(kebabId) });
export const forecastView = z
  .object({
    generatedAt: z.string(),
    items: z.array(
      z.object({
        moduleId: z.string(),
        status: z.enum(['reached', 'on-track', 'late', 'stalled', 'blocked', 'insufficient-data']),
        forecastDate: z.nullable(z.string()),
        plannedDate: z.nullable(z.string()),
        currentShare: z.nullable(z.number()),
        trend: z.object({
          months: z.number(),
          slopePerMonth: z.nullable(z.number()),
          fittedShareNow: z.nullable(z.number()),
          date: z.nullable(z.string()),
        }),
        pipeline: z.object({
          sessionsPerMonth: z.number(),
          certifiedInternalLeads: z.number(),
          leadsNeeded: z.number(),
          candidates: z.number(),
          monthsPerStep: z.nullable(z.number()),
          date: z.nullable(z.string()),
        }),
        reason: z.optional(z.string()),
      }),
    ),
  })
  .check(z.meta({ id: 'TransferForecast' }));

export const alertsQuery = z.strictObject({ moduleId: z.optional(kebabId) });
export const alertsView = z
  .object({
    generatedAt: z.string(),
    items: z.array(
      z.object({
        kind: z.enum(['stall', 'satisfaction-drop', 'behind-plan']),
        moduleId: z.string(),
        since: z.optional(z.string()),
        message: localizedText,
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .check(z.meta({ id: 'TransferAlerts' }));

export const qualityQuery = z.strictObject({ moduleId: z.optional(kebabId) });
export const qualityView = z
  .object({
    baseline: z.number(),
    minResponses: z.number(),
    items: z.array(
      z.object({
        moduleId: z.string(),
        external: satisfactionView,
        mixed: satisfactionView,
        internal: satisfactionView,
        /** internal − external means, when both are shown. */
        internalMinusExternal: z.nullable(z.number()),
      }),
    ),
  })
  .check(z.meta({ id: 'TransferQuality' }));

// --- staffing ---------------------------------------------------------------------------------------------------

export const staffingView = z
  .object({
    sessionId: z.optional(z.string()),
    moduleId: z.string(),
    ok: z.boolean(),
    warnings: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['warning', 'info']),
        message: z.string(),
        trainerId: z.optional(z.string()),
        overridden: z.optional(z.boolean()),
      }),
    ),
    override: z.optional(z.object({ by: z.string(), at: z.string(), reason: z.optional(z.string()) })),
    suggestions: z.array(
      z.object({
        trainerId: z.string(),
        name: z.optional(z.string()),
        role: facilitatorRole,
        forStep: z.string(),
        pairWith: z.optional(z.string()),
        reason: z.string(),
        remaining: z.number(),
      }),
    ),
  })
  .check(z.meta({ id: 'StaffingCheck' }));

export const proposedStaffingBody = z
  .strictObject({
    moduleId: kebabId,
    start: instant,
    end: instant,
    facilitators: z.array(facilitatorSchema).check(z.maxLength(10)),
  })
  .check(z.refine((b) => b.end > b.start, { message: 'end must be after start', path: ['end'] }));

export const staffingOverrideBody = z.strictObject({
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
});

export const verifyAggregatesView = z
  .object({
    ok: z.boolean(),
    sources: z.object({ sessions: z.number(), responses: z.number(), ladders: z.number() }),
    differences: z.array(z.object({ id: z.string(), expected: z.unknown(), actual: z.unknown() })),
  })
  .check(z.meta({ id: 'AggregatesVerification' }));
