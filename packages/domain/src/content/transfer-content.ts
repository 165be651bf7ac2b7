import * as z from 'zod/mini';
import { FACILITATOR_ROLES } from '../api/sessions-api.ts';
import { catalog } from './catalog.ts';
import { kebabId, localizedText } from './schemas.ts';
import '../zod-locale.ts';
import { parseContent } from './parse-content.ts';
import { perRevision } from './programme.ts';

/**
 * Content of the trainer-transfer feature (docs/transfer.md): `content/transfer.json` (delivery weights, planned
 * trajectories, forecast and alert settings), `content/ladders.json` (facilitation ladders per module) and
 * `content/evaluation.json` (the satisfaction questionnaire). Validated once per process; a bad file fails loudly.
 */

const isoDate = z.iso.date();

export const trajectorySchema = z
  .strictObject({
    moduleId: kebabId,
    /** Until this date the plan is 100% external delivery. */
    externalUntil: isoDate,
    /** Planned date of 50/50 co-facilitation (internal share 0.5). */
    mixedBy: isoDate,
    /** Planned date of 100% internal delivery. */
    internalBy: isoDate,
  })
  .check(
    z.refine((t) => t.externalUntil < t.mixedBy && t.mixedBy < t.internalBy, {
      message: 'externalUntil < mixedBy < internalBy',
    }),
  );
export type Trajectory = z.infer<typeof trajectorySchema>;

export const transferSettingsSchema = z.strictObject({
  /** First day of the programme: periods, rebuilds and stall checks start here. */
  programmeStart: isoDate,
  /** Share of a session's facilitation credited to each role (observers and shadows deliver nothing). */
  deliveryWeights: z.strictObject({
    lead: z.number().check(z.gte(0), z.lte(10)),
    'co-facilitator': z.number().check(z.gte(0), z.lte(10)),
    shadow: z.number().check(z.gte(0), z.lte(10)),
    observer: z.number().check(z.gte(0), z.lte(10)),
  }),
  /** A facilitation counts (ladder, KPI) only if at least this many learners attended (fully or partly). */
  minAttendeesForCredit: z.int().check(z.gte(0), z.lte(100)),
  /** Programme satisfaction baseline (external delivery before the transfer), on the 1–5 scale. */
  satisfactionBaseline: z.number().check(z.gte(1), z.lte(5)),
  forecast: z.strictObject({
    /** Months of history the trend is fitted on. */
    lookbackMonths: z.int().check(z.gte(2), z.lte(36)),
    /** Months with delivered sessions needed before a trend is fitted. */
    minMonthsWithSessions: z.int().check(z.gte(2), z.lte(36)),
    /** Capacity of one certified internal lead, in sessions per month (pipeline check). */
    sessionsPerCertifiedLeadPerMonth: z.number().check(z.positive(), z.lte(40)),
    /** Consecutive months at 100% internal that count as "reached". */
    reachedMonths: z.int().check(z.gte(1), z.lte(12)),
  }),
  alerts: z.strictObject({
    /** A module not yet 100% internal with no progress for this long raises a stall alert. */
    stallWeeks: z.int().check(z.gte(1), z.lte(104)),
    /** Internal-led satisfaction below the external-led baseline by more than this raises an alert. */
    satisfactionMargin: z.number().check(z.gte(0), z.lte(4)),
    /** Internal-led satisfaction is taken over the last N quarters. */
    satisfactionQuarters: z.int().check(z.gte(1), z.lte(8)),
    /** Responses needed on the internal-led side before a satisfaction alert may fire (never below 3). */
    minResponsesForAlert: z.int().check(z.gte(3), z.lte(1000)),
    /** Actual internal share below the planned share by more than this raises a behind-plan alert. */
    behindPlanMargin: z.number().check(z.gte(0), z.lte(1)),
  }),
  trajectories: z.array(trajectorySchema),
});
export type TransferSettings = z.infer<typeof transferSettingsSchema>;

export const LADDER_CRITERIA = [
  'observed',
  'coFacilitated',
  'led',
  'ledWithCertified',
  'mentored',
  'minMeanRating',
  'minRatings',
] as const;
export type LadderCriterion = (typeof LADDER_CRITERIA)[number];

export const SIGN_OFF_BY = ['certified', 'lab'] as const;
export type SignOffBy = (typeof SIGN_OFF_BY)[number];

export const ladderStepSchema = z.strictObject({
  id: kebabId,
  title: localizedText,
  requires: z
    .strictObject({
      /** Credited sessions as observer or shadow. */
      observed: z.optional(z.int().check(z.gte(1))),
      /** Credited sessions as co-facilitator. */
      coFacilitated: z.optional(z.int().check(z.gte(1))),
      /** Credited sessions as lead. */
      led: z.optional(z.int().check(z.gte(1))),
      /** Credited sessions as lead with another facilitator certified for the module present. */
      ledWithCertified: z.optional(z.int().check(z.gte(1))),
      /** Credited sessions led or co-facilitated while certified, with a not-yet-certified internal colleague. */
      mentored: z.optional(z.int().check(z.gte(1))),
      /** Mean of the ratings the trainer received on this module (facilitator question), 1–5. */
      minMeanRating: z.optional(z.number().check(z.gte(1), z.lte(5))),
      /** Ratings needed before the mean counts (never below the anonymity threshold of 3). */
      minRatings: z.optional(z.int().check(z.gte(3))),
    })
    .check(
      z.refine((r) => (r.minMeanRating === undefined) === (r.minRatings === undefined), {
        message: 'minMeanRating and minRatings go together',
      }),
    ),
  /** Who may sign the step off; absent = reached from the facts alone. */
  signOff: z.optional(z.array(z.enum(SIGN_OFF_BY)).check(z.minLength(1))),
  /** Reaching this step makes the trainer a certified lead of the module. */
  certifies: z.optional(z.boolean()),
});
export type LadderStep = z.infer<typeof ladderStepSchema>;

export const laddersSchema = z
  .strictObject({
    defaultLadder: kebabId,
    /** moduleId → ladder id, for modules that do not use the default ladder. */
    modules: z.record(kebabId, kebabId),
    ladders: z
      .array(
        z.strictObject({
          id: kebabId,
          steps: z.array(ladderStepSchema).check(z.minLength(1)),
        }),
      )
      .check(z.minLength(1)),
  })
  .check(
    z.superRefine((l, ctx) => {
      const ids = new Set(l.ladders.map((x) => x.id));
      if (!ids.has(l.defaultLadder))
        ctx.addIssue({ code: 'custom', message: `unknown default ladder '${l.defaultLadder}'` });
      for (const [m, id] of Object.entries(l.modules))
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `module '${m}': unknown ladder '${id}'` });
      for (const ladder of l.ladders) {
        const stepIds = ladder.steps.map((s) => s.id);
        if (new Set(stepIds).size !== stepIds.length)
          ctx.addIssue({ code: 'custom', message: `ladder '${ladder.id}': duplicate step id` });
        const certifying = ladder.steps.filter((s) => s.certifies);
        if (certifying.length !== 1)
          ctx.addIssue({ code: 'custom', message: `ladder '${ladder.id}': exactly one step must certify` });
        // Certification is dated by its sign-off: other trainers' "certified present" checks rely on it.
        if (certifying[0] && !certifying[0].signOff)
          ctx.addIssue({
            code: 'custom',
            message: `ladder '${ladder.id}': the certifying step must be signed off`,
          });
      }
    }),
  );
export type Ladders = z.infer<typeof laddersSchema>;
export interface LadderDef {
  id: string;
  steps: LadderStep[];
  /** Index of the certifying step. */
  certifiedIndex: number;
}

export const questionnaireSchema = z.strictObject({
  /** Days the questionnaire stays open after the session end. */
  windowDays: z.int().check(z.gte(1), z.lte(90)),
  /** Aggregates of fewer responses are hidden (anonymity); never below 3. */
  minResponsesShown: z.int().check(z.gte(3), z.lte(50)),
  scale: z.strictObject({ min: z.literal(1), max: z.literal(5) }),
  /** Facilitator roles rated by attendees (observers and shadows are not rated). */
  ratedRoles: z.array(z.enum(FACILITATOR_ROLES)).check(z.minLength(1)),
  commentMaxLength: z.int().check(z.gte(0), z.lte(10_000)),
  questions: z.strictObject({
    overall: localizedText,
    objective: localizedText,
    facilitator: localizedText,
    recommend: localizedText,
    comment: localizedText,
  }),
  scaleLabels: z.array(localizedText).check(z.length(5)),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** Cross-checks against the catalog: every module referenced exists; at most one trajectory per module. */
export function checkTransferContent(
  t: TransferSettings,
  l: Ladders,
  moduleIds: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const tr of t.trajectories) {
    if (!moduleIds.has(tr.moduleId)) problems.push(`transfer.json: unknown module '${tr.moduleId}'`);
    if (seen.has(tr.moduleId)) problems.push(`transfer.json: two trajectories for '${tr.moduleId}'`);
    seen.add(tr.moduleId);
  }
  for (const m of Object.keys(l.modules))
    if (!moduleIds.has(m)) problems.push(`ladders.json: unknown module '${m}'`);
  return problems;
}

/** The transfer settings, ladders and questionnaire of the installed revision, checked against its catalogue. */
const load = perRevision((s) => {
  const settings = parseContent(transferSettingsSchema, s.transfer, 'transfer');
  const ladders = parseContent(laddersSchema, s.ladders, 'ladders');
  const questionnaire = parseContent(questionnaireSchema, s.evaluation, 'evaluation');
  const problems = checkTransferContent(settings, ladders, new Set(catalog().modules.map((m) => m.id)));
  if (problems.length)
    throw new Error(`The programme's transfer settings are invalid:\n${problems.join('\n')}`);
  return { settings, ladders, questionnaire };
});

export const transferSettings = (): TransferSettings => load().settings;
export const ladders = (): Ladders => load().ladders;
export const questionnaire = (): Questionnaire => load().questionnaire;

/** The ladder a module uses, with the index of its certifying step. */
export function ladderDefFor(moduleId: string, l: Ladders = ladders()): LadderDef {
  const id = l.modules[moduleId] ?? l.defaultLadder;
  const ladder = l.ladders.find((x) => x.id === id)!;
  return { id, steps: ladder.steps, certifiedIndex: ladder.steps.findIndex((s) => s.certifies) };
}

export function trajectoryFor(
  moduleId: string,
  t: TransferSettings = transferSettings(),
): Trajectory | undefined {
  return t.trajectories.find((x) => x.moduleId === moduleId);
}
