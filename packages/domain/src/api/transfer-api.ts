import { z } from 'zod';
import { kebabId, localizedText } from '../content/schemas.ts';
import { facilitatorRole, facilitatorSchema, instant, sessionId, userId } from './sessions-api.ts';

/** API schemas of the trainer transfer and the satisfaction evaluations (docs/transfer.md). */

export const trainerIdParams = z.strictObject({ id: userId });

// --- trainers ---------------------------------------------------------------------------------------------------

export const putTrainerBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254).optional(),
    phone: z.string().trim().min(3).max(40).optional(),
    kind: z.enum(['internal', 'external']),
    /** Internal trainers: their home service (a catalog service id). */
    homeServiceId: kebabId.optional(),
    /** External trainers: their provider organisation. */
    organisation: z.string().trim().min(1).max(200).optional(),
    modules: z.array(kebabId).max(50).default([]),
    active: z.boolean().default(true),
    /** Optimistic concurrency: the version read (409 if it changed since). */
    expectedVersion: z.number().int().positive().optional(),
  })
  .refine((b) => b.kind !== 'internal' || b.homeServiceId !== undefined, {
    message: 'internal trainers need a homeServiceId',
    path: ['homeServiceId'],
  })
  .refine((b) => b.kind !== 'external' || b.organisation !== undefined, {
    message: 'external trainers need an organisation',
    path: ['organisation'],
  });
export type PutTrainerInput = z.infer<typeof putTrainerBody>;

export const trainerView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().optional(),
    phone: z.string().optional(),
    kind: z.enum(['internal', 'external']),
    homeServiceId: z.string().optional(),
    organisation: z.string().optional(),
    modules: z.array(z.string()),
    active: z.boolean(),
    kindHistory: z.array(z.object({ kind: z.enum(['internal', 'external']), from: z.string() })),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'Trainer' });
export const trainerList = z.object({ items: z.array(trainerView) });

const criterionView = z.object({
  criterion: z.string(),
  required: z.number(),
  actual: z.number().nullable(),
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
    currentStep: z.string().nullable(),
    currentIndex: z.number(),
    certified: z.boolean(),
    certifiedAt: z.string().optional(),
    steps: z.array(
      z.object({
        id: z.string(),
        title: localizedText,
        status: z.enum(['achieved', 'awaiting-sign-off', 'in-progress', 'locked']),
        criteria: z.array(criterionView),
        criteriaMet: z.boolean(),
        signOffBy: z.array(z.enum(['certified', 'lab'])).optional(),
        signOff: signOffView.optional(),
        achievedAt: z.string().optional(),
      }),
    ),
    counts: z.record(z.string(), z.number()),
    ratings: z.object({ count: z.number(), mean: z.number().nullable() }),
    lastProgressAt: z.string().optional(),
    next: z
      .object({
        stepId: z.string(),
        missing: z.array(criterionView),
        needsSignOff: z.boolean(),
        awaitingSignOff: z.boolean(),
      })
      .optional(),
  })
  .meta({ id: 'LadderState' });
export const ladderQuery = z.strictObject({ moduleId: kebabId.optional() });
export const ladderView = z
  .object({ trainerId: z.string(), modules: z.array(ladderStateView) })
  .meta({ id: 'Ladder' });

export const signOffBody = z
  .strictObject({
    moduleId: kebabId,
    stepId: kebabId,
    note: z.string().max(1000).optional(),
    /** The lab recognises a prior qualification (e.g. a provider's certified lead): no criteria checked. */
    recognition: z.boolean().default(false),
    /** Recognition only: the date the qualification dates from (default now). */
    effectiveAt: instant.optional(),
  })
  .refine((b) => b.effectiveAt === undefined || b.recognition, {
    message: 'effectiveAt is only for recognitions',
    path: ['effectiveAt'],
  });
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
    note: z.string().optional(),
    ladder: ladderStateView,
  })
  .meta({ id: 'SignOff' });

// --- evaluations ------------------------------------------------------------------------------------------------

const rating = z.number().int().min(1).max(5);
export const evaluationBody = z.strictObject({
  overall: rating,
  /** One answer per objective of the module, in the module's order. */
  objectives: z.array(rating).max(20),
  facilitators: z
    .array(z.strictObject({ trainerId: userId, rating }))
    .max(10)
    .default([]),
  recommend: z.boolean(),
  comment: z.string().max(10_000).optional(),
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
    comment: z.string().optional(),
  })
  .meta({ id: 'EvaluationResponse' });

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
              name: z.string().optional(),
              role: facilitatorRole,
              question: z.string(),
            }),
          ),
          recommend: z.string(),
          comment: z.string(),
          commentMaxLength: z.number(),
          scale: z.array(z.object({ value: z.number(), label: z.string() })),
        }),
        response: evaluationView.optional(),
      }),
    ),
  })
  .meta({ id: 'PendingEvaluations' });

export const evaluationWindowBody = z.strictObject({
  closesAt: instant,
  reason: z.string().max(500).optional(),
});
export const evaluationWindowView = z
  .object({
    sessionId: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    windowDays: z.number(),
    setBy: z.string().optional(),
    setAt: z.string().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'EvaluationWindow' });

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
  moduleId: kebabId.optional(),
  sessionId: sessionId.optional(),
  trainerId: userId.optional(),
});
const satisfactionView = z.union([
  z.object({
    key: z.string(),
    hidden: z.literal(false),
    responses: z.number(),
    overall: z.object({ mean: z.number(), distribution: z.array(z.number()) }),
    recommendRate: z.number(),
    objectives: z.array(z.object({ mean: z.number() })).optional(),
    facilitatorRating: z.object({ mean: z.number(), ratings: z.number() }).optional(),
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
    comments: z.array(z.string()).optional(),
  })
  .meta({ id: 'SatisfactionAggregates' });

// --- delivery mix, forecast, alerts, quality --------------------------------------------------------------------

export const kpiQuery = z
  .strictObject({
    moduleId: kebabId.optional(),
    pathId: kebabId.optional(),
    granularity: z.enum(['month', 'quarter']).default('month'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .refine((q) => !(q.moduleId && q.pathId), { message: 'give moduleId or pathId, not both' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

const kpiPoint = z.object({
  period: z.string(),
  sessions: z.object({ total: z.number(), external: z.number(), mixed: z.number(), internal: z.number() }),
  internalShare: z.number().nullable(),
  meanSessionShare: z.number().nullable(),
  certifiedInternalLeads: z.number(),
  plannedShare: z.number().nullable(),
  gap: z.number().nullable(),
});
export const kpiView = z
  .object({
    scope: z.object({ type: z.enum(['module', 'path', 'programme']), id: z.string().optional() }),
    granularity: z.enum(['month', 'quarter']),
    points: z.array(kpiPoint),
    total: kpiPoint.omit({ period: true, certifiedInternalLeads: true, plannedShare: true, gap: true }),
    trajectories: z.array(
      z.object({
        moduleId: z.string(),
        externalUntil: z.string(),
        mixedBy: z.string(),
        internalBy: z.string(),
      }),
    ),
  })
  .meta({ id: 'DeliveryMixKpi' });

export const forecastQuery = z.strictObject({ moduleId: kebabId.optional() });
export const forecastView = z
  .object({
    generatedAt: z.string(),
    items: z.array(
      z.object({
        moduleId: z.string(),
        status: z.enum(['reached', 'on-track', 'late', 'stalled', 'blocked', 'insufficient-data']),
        forecastDate: z.string().nullable(),
        plannedDate: z.string().nullable(),
        currentShare: z.number().nullable(),
        trend: z.object({
          months: z.number(),
          slopePerMonth: z.number().nullable(),
          fittedShareNow: z.number().nullable(),
          date: z.string().nullable(),
        }),
        pipeline: z.object({
          sessionsPerMonth: z.number(),
          certifiedInternalLeads: z.number(),
          leadsNeeded: z.number(),
          candidates: z.number(),
          monthsPerStep: z.number().nullable(),
          date: z.string().nullable(),
        }),
        reason: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'TransferForecast' });

export const alertsQuery = z.strictObject({ moduleId: kebabId.optional() });
export const alertsView = z
  .object({
    generatedAt: z.string(),
    items: z.array(
      z.object({
        kind: z.enum(['stall', 'satisfaction-drop', 'behind-plan']),
        moduleId: z.string(),
        since: z.string().optional(),
        message: localizedText,
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'TransferAlerts' });

export const qualityQuery = z.strictObject({ moduleId: kebabId.optional() });
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
        internalMinusExternal: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'TransferQuality' });

// --- staffing ---------------------------------------------------------------------------------------------------

export const staffingView = z
  .object({
    sessionId: z.string().optional(),
    moduleId: z.string(),
    ok: z.boolean(),
    warnings: z.array(
      z.object({
        code: z.string(),
        severity: z.enum(['warning', 'info']),
        message: z.string(),
        trainerId: z.string().optional(),
        overridden: z.boolean().optional(),
      }),
    ),
    override: z.object({ by: z.string(), at: z.string(), reason: z.string().optional() }).optional(),
    suggestions: z.array(
      z.object({
        trainerId: z.string(),
        name: z.string().optional(),
        role: facilitatorRole,
        forStep: z.string(),
        pairWith: z.string().optional(),
        reason: z.string(),
        remaining: z.number(),
      }),
    ),
  })
  .meta({ id: 'StaffingCheck' });

export const proposedStaffingBody = z
  .strictObject({
    moduleId: kebabId,
    start: instant,
    end: instant,
    facilitators: z.array(facilitatorSchema).max(10),
  })
  .refine((b) => b.end > b.start, { message: 'end must be after start', path: ['end'] });

export const staffingOverrideBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const verifyAggregatesView = z
  .object({
    ok: z.boolean(),
    sources: z.object({ sessions: z.number(), responses: z.number(), ladders: z.number() }),
    differences: z.array(z.object({ id: z.string(), expected: z.unknown(), actual: z.unknown() })),
  })
  .meta({ id: 'AggregatesVerification' });
