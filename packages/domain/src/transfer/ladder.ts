import type { FacilitatorRole } from '../api/sessions-api.ts';
import type { LocalizedText } from '../content/schemas.ts';
import type { LadderCriterion, LadderDef, LadderStep, SignOffBy } from '../content/transfer-content.ts';
import { conflict, forbidden } from '../errors.ts';
import type { KindOrUnknown } from './delivery.ts';

/**
 * The facilitation ladder of one trainer on one module (docs/transfer.md, "Ladder"). Pure: computed from the
 * sessions the trainer actually facilitated (credited: completed, with attendees), the ratings they received and
 * the explicit sign-offs. Steps are cumulative; a signed-off step implies every step below it.
 */

export interface DeliveredFacilitation {
  sessionId: string;
  moduleId: string;
  role: FacilitatorRole;
  start: string;
  end: string;
  credited: boolean;
  /** The other facilitators of the session. */
  others: { trainerId: string; role: FacilitatorRole; kind: KindOrUnknown }[];
}

export interface SignOffRecord {
  trainerId: string;
  moduleId: string;
  stepId: string;
  /** Who signed, and as what. */
  by: string;
  byRole: SignOffBy;
  /** Effective date (= recordedAt, except for the lab's recognition of prior qualification, which may be earlier). */
  at: string;
  recordedAt: string;
  /** `criteria`: checked against the ladder's rules; `recognition`: the lab recognised a prior qualification. */
  basis: 'criteria' | 'recognition';
  note?: string;
}

export interface RatingTotals {
  sum: number;
  count: number;
}

export interface LadderInput {
  trainerId: string;
  moduleId: string;
  kind: KindOrUnknown;
  ladder: LadderDef;
  facilitations: readonly DeliveredFacilitation[];
  signOffs: readonly SignOffRecord[];
  ratings: RatingTotals;
  /** When each trainer became certified on this module (from certification sign-offs); others and self. */
  certifiedAt: ReadonlyMap<string, string>;
  /** Anonymity threshold: a mean of fewer ratings is not shown. */
  minShown: number;
}

export interface CriterionState {
  criterion: LadderCriterion;
  required: number;
  /** `null` when hidden (a rating mean of fewer ratings than the anonymity threshold). */
  actual: number | null;
  met: boolean;
}

export type StepStatus = 'achieved' | 'awaiting-sign-off' | 'in-progress' | 'locked';

export interface StepState {
  id: string;
  title: LocalizedText;
  status: StepStatus;
  criteria: CriterionState[];
  signOffBy?: SignOffBy[];
  signOff?: {
    by: string;
    byRole: SignOffBy;
    at: string;
    recordedAt: string;
    basis: 'criteria' | 'recognition';
  };
  achievedAt?: string;
  /** All count and rating criteria hold (sign-off aside). */
  criteriaMet: boolean;
}

export interface LadderCounts {
  observed: number;
  coFacilitated: number;
  led: number;
  ledWithCertified: number;
  mentored: number;
  /** Credited sessions in any role. */
  credited: number;
}

export interface LadderState {
  trainerId: string;
  moduleId: string;
  ladderId: string;
  kind: KindOrUnknown;
  /** Highest step reached, `null` before the first. */
  currentStep: string | null;
  currentIndex: number;
  certified: boolean;
  certifiedAt?: string;
  steps: StepState[];
  counts: LadderCounts;
  ratings: { count: number; mean: number | null };
  /** Latest date a step was reached. */
  lastProgressAt?: string;
  /** The step being worked on, with what is still missing. */
  next?: { stepId: string; missing: CriterionState[]; needsSignOff: boolean; awaitingSignOff: boolean };
}

const COUNT_CRITERIA = ['observed', 'coFacilitated', 'led', 'ledWithCertified', 'mentored'] as const;
type CountCriterion = (typeof COUNT_CRITERIA)[number];

const maxIso = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined ? a : a > b ? a : b;

/** Earliest certification date of a trainer from their sign-offs on one module's ladder. */
export function certificationDate(signOffs: readonly SignOffRecord[], ladder: LadderDef): string | undefined {
  let at: string | undefined;
  for (const s of signOffs) {
    const idx = ladder.steps.findIndex((x) => x.id === s.stepId);
    if (idx >= ladder.certifiedIndex && (at === undefined || s.at < at)) at = s.at;
  }
  return at;
}

/** Certification dates per trainer for one module, from all the module's sign-offs. */
export function certificationMap(signOffs: readonly SignOffRecord[], ladder: LadderDef): Map<string, string> {
  const byTrainer = new Map<string, SignOffRecord[]>();
  for (const s of signOffs) byTrainer.set(s.trainerId, [...(byTrainer.get(s.trainerId) ?? []), s]);
  const out = new Map<string, string>();
  for (const [t, list] of byTrainer) {
    const at = certificationDate(list, ladder);
    if (at) out.set(t, at);
  }
  return out;
}

function countsOver(input: LadderInput): {
  counts: LadderCounts;
  reachedAt: Record<CountCriterion, string[]>;
} {
  const counts: LadderCounts = {
    observed: 0,
    coFacilitated: 0,
    led: 0,
    ledWithCertified: 0,
    mentored: 0,
    credited: 0,
  };
  // reachedAt[c][i] = end of the facilitation that brought criterion c to i + 1.
  const reachedAt: Record<CountCriterion, string[]> = {
    observed: [],
    coFacilitated: [],
    led: [],
    ledWithCertified: [],
    mentored: [],
  };
  const own = input.signOffs.filter((s) => s.trainerId === input.trainerId && s.moduleId === input.moduleId);
  const selfCertifiedAt = certificationDate(own, input.ladder) ?? input.certifiedAt.get(input.trainerId);
  const sorted = input.facilitations
    .filter((f) => f.credited && f.moduleId === input.moduleId)
    .sort((a, b) => a.start.localeCompare(b.start) || a.sessionId.localeCompare(b.sessionId));
  const bump = (c: CountCriterion, at: string) => {
    counts[c] += 1;
    reachedAt[c].push(at);
  };
  for (const f of sorted) {
    counts.credited += 1;
    const certifiedThen = (t: string) => {
      const at = input.certifiedAt.get(t);
      return at !== undefined && at <= f.start;
    };
    if (f.role === 'observer' || f.role === 'shadow') bump('observed', f.end);
    if (f.role === 'co-facilitator') bump('coFacilitated', f.end);
    if (f.role === 'lead') {
      bump('led', f.end);
      if (f.others.some((o) => certifiedThen(o.trainerId))) bump('ledWithCertified', f.end);
    }
    if (
      (f.role === 'lead' || f.role === 'co-facilitator') &&
      selfCertifiedAt !== undefined &&
      selfCertifiedAt <= f.start &&
      f.others.some((o) => o.kind === 'internal' && !certifiedThen(o.trainerId))
    ) {
      bump('mentored', f.end);
    }
  }
  return { counts, reachedAt };
}

function criteriaOf(
  step: LadderStep,
  counts: LadderCounts,
  reachedAt: Record<CountCriterion, string[]>,
  ratings: RatingTotals,
  minShown: number,
): { criteria: CriterionState[]; met: boolean; metAt: string | undefined } {
  const criteria: CriterionState[] = [];
  let metAt: string | undefined;
  let met = true;
  for (const c of COUNT_CRITERIA) {
    const required = step.requires[c];
    if (required === undefined) continue;
    const ok = counts[c] >= required;
    criteria.push({ criterion: c, required, actual: counts[c], met: ok });
    if (ok) metAt = maxIso(metAt, reachedAt[c][required - 1]);
    else met = false;
  }
  if (step.requires.minMeanRating !== undefined && step.requires.minRatings !== undefined) {
    const mean = ratings.count > 0 ? ratings.sum / ratings.count : null;
    const enough = ratings.count >= step.requires.minRatings;
    criteria.push({
      criterion: 'minRatings',
      required: step.requires.minRatings,
      actual: ratings.count,
      met: enough,
    });
    const meanOk = enough && mean !== null && mean >= step.requires.minMeanRating - 1e-9;
    criteria.push({
      criterion: 'minMeanRating',
      required: step.requires.minMeanRating,
      actual: ratings.count >= minShown && mean !== null ? Math.round(mean * 100) / 100 : null,
      met: meanOk,
    });
    if (!meanOk) met = false;
  }
  return { criteria, met, metAt };
}

/** Evaluates a trainer's ladder on one module. */
export function evaluateLadder(input: LadderInput): LadderState {
  const { ladder } = input;
  const { counts, reachedAt } = countsOver(input);
  const signed = new Map<number, SignOffRecord>();
  for (const s of input.signOffs) {
    if (s.moduleId !== input.moduleId || s.trainerId !== input.trainerId) continue;
    const idx = ladder.steps.findIndex((x) => x.id === s.stepId);
    if (idx < 0) continue; // a step removed from the content since: ignored
    const prev = signed.get(idx);
    if (!prev || s.at < prev.at) signed.set(idx, s);
  }
  const highestSigned = Math.max(-1, ...signed.keys());
  // Date a signed step above implies a lower one: the earliest sign-off at or above it.
  const impliedAt = (k: number) => {
    let at: string | undefined;
    for (const [idx, s] of signed) if (idx > k && (at === undefined || s.at < at)) at = s.at;
    return at;
  };

  const steps: StepState[] = [];
  let chainOk = true;
  let prevAt: string | undefined;
  let currentIndex = -1;
  let firstOpen = true;
  ladder.steps.forEach((step, k) => {
    const c = criteriaOf(step, counts, reachedAt, input.ratings, input.minShown);
    const s = signed.get(k);
    const base: Omit<StepState, 'status'> = {
      id: step.id,
      title: step.title,
      criteria: c.criteria,
      criteriaMet: c.met,
      ...(step.signOff ? { signOffBy: step.signOff } : {}),
      ...(s
        ? { signOff: { by: s.by, byRole: s.byRole, at: s.at, recordedAt: s.recordedAt, basis: s.basis } }
        : {}),
    };
    let achievedAt: string | undefined;
    let achieved = false;
    if (s) {
      achieved = true;
      achievedAt = s.at;
    } else if (k < highestSigned) {
      achieved = true;
      achievedAt = c.met && c.metAt !== undefined ? minIso(c.metAt, impliedAt(k)) : impliedAt(k);
    } else if (chainOk && !step.signOff && c.met) {
      achieved = true;
      achievedAt = maxIso(prevAt, c.metAt);
    }
    if (achieved && (chainOk || s || k < highestSigned)) {
      steps.push({ ...base, status: 'achieved', ...(achievedAt ? { achievedAt } : {}) });
      currentIndex = k;
      prevAt = achievedAt;
      chainOk = true;
      return;
    }
    chainOk = false;
    if (firstOpen) {
      firstOpen = false;
      steps.push({ ...base, status: c.met && step.signOff ? 'awaiting-sign-off' : 'in-progress' });
    } else {
      steps.push({ ...base, status: 'locked' });
    }
  });

  const achievedSteps = steps.filter((s) => s.status === 'achieved');
  const lastProgressAt = achievedSteps.reduce<string | undefined>(
    (m, s) => maxIso(m, s.achievedAt),
    undefined,
  );
  const certified = currentIndex >= ladder.certifiedIndex;
  const certifiedAt = certified ? steps[ladder.certifiedIndex]?.achievedAt : undefined;
  const open = steps.find((s) => s.status === 'awaiting-sign-off' || s.status === 'in-progress');
  const mean = input.ratings.count > 0 ? input.ratings.sum / input.ratings.count : null;
  return {
    trainerId: input.trainerId,
    moduleId: input.moduleId,
    ladderId: ladder.id,
    kind: input.kind,
    currentStep: currentIndex >= 0 ? ladder.steps[currentIndex]!.id : null,
    currentIndex,
    certified,
    ...(certifiedAt ? { certifiedAt } : {}),
    steps,
    counts,
    ratings: {
      count: input.ratings.count,
      mean: input.ratings.count >= input.minShown && mean !== null ? Math.round(mean * 100) / 100 : null,
    },
    ...(lastProgressAt ? { lastProgressAt } : {}),
    ...(open
      ? {
          next: {
            stepId: open.id,
            missing: open.criteria.filter((c) => !c.met),
            needsSignOff: open.signOffBy !== undefined,
            awaitingSignOff: open.status === 'awaiting-sign-off',
          },
        }
      : {}),
  };
}

function minIso(a: string, b: string | undefined): string {
  return b === undefined || a < b ? a : b;
}

export interface SignOffRequest {
  stepId: string;
  signer: { userId: string; isLab: boolean; certifiedOnModule: boolean };
  /** The lab recognises a prior qualification: no criteria, any step, may be dated in the past. */
  recognition: boolean;
}

/**
 * Who may sign a step off and whether it may be signed now. Throws 403 (signer not allowed) or 409 (step not
 * signed off in this ladder, already signed, criteria not met).
 */
export function checkSignOff(
  state: LadderState,
  ladder: LadderDef,
  req: SignOffRequest,
): { byRole: SignOffBy } {
  const k = ladder.steps.findIndex((s) => s.id === req.stepId);
  const step = ladder.steps[k];
  if (!step) throw conflict('unknown-step', `Step '${req.stepId}' is not part of ladder '${ladder.id}'`);
  if (req.signer.userId === state.trainerId) {
    throw forbidden('Nobody signs off their own step', 'self-sign-off');
  }
  if (req.recognition) {
    if (!req.signer.isLab) throw forbidden('Only the lab recognises a prior qualification', 'lab-only');
  } else {
    if (!step.signOff) {
      throw conflict(
        'step-not-signed-off',
        `Step '${step.id}' is reached from the sessions facilitated alone`,
      );
    }
    const asLab = req.signer.isLab && step.signOff.includes('lab');
    const asCertified = req.signer.certifiedOnModule && step.signOff.includes('certified');
    if (!asLab && !asCertified) {
      throw forbidden(
        `Step '${step.id}' is signed off by: ${step.signOff.map((r) => (r === 'lab' ? 'the lab' : 'a certified lead of the module')).join(', ')}`,
        'sign-off-not-allowed',
      );
    }
  }
  const st = state.steps[k]!;
  if (st.signOff)
    throw conflict('already-signed-off', `Step '${step.id}' was already signed off`, st.signOff);
  if (!req.recognition) {
    if (st.status === 'achieved') throw conflict('already-achieved', `Step '${step.id}' is already reached`);
    if (st.status !== 'awaiting-sign-off') {
      throw conflict('criteria-not-met', `Step '${step.id}' cannot be signed off yet`, {
        status: st.status,
        missing: st.criteria.filter((c) => !c.met),
      });
    }
  }
  const byRole: SignOffBy =
    req.signer.isLab && (req.recognition || step.signOff?.includes('lab')) ? 'lab' : 'certified';
  return { byRole };
}

/** A trainer's facilitation as the ladder sees it, from the delivery fact of a completed session. */
export function deliveredFromFact(
  fact: {
    sessionId: string;
    moduleId: string;
    start: string;
    end: string;
    credited: boolean;
    facilitators: readonly { trainerId: string; role: FacilitatorRole; kind: KindOrUnknown }[];
  },
  trainerId: string,
): DeliveredFacilitation | undefined {
  const me = fact.facilitators.find((f) => f.trainerId === trainerId);
  if (!me) return undefined;
  return {
    sessionId: fact.sessionId,
    moduleId: fact.moduleId,
    role: me.role,
    start: fact.start,
    end: fact.end,
    credited: fact.credited,
    others: fact.facilitators
      .filter((f) => f.trainerId !== trainerId)
      .map((f) => ({ trainerId: f.trainerId, role: f.role, kind: f.kind })),
  };
}
