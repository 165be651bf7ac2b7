import type { FacilitatorRole } from '../api/sessions-api.ts';
import type { LadderDef } from '../content/transfer-content.ts';
import type { KindOrUnknown } from './delivery.ts';
import type { LadderState } from './ladder.ts';

/**
 * Scheduling checks of one session's staffing (docs/transfer.md, "Staffing"). Pure.
 * Warnings: no lead; no certified lead (unless the lead is a trainer leading under observation with a certified
 * colleague present); trainers missing from the registry; nobody internal on an external session. The lab may
 * override the certified-lead rule (recorded). Suggestions: internal trainers of the module who need exactly
 * what this session offers for their next step, paired with the session's certified or external lead.
 */

export interface StaffingTrainer {
  trainerId: string;
  name?: string | undefined;
  kind: KindOrUnknown;
  registered: boolean;
  active: boolean;
}

export interface StaffingWarning {
  code:
    | 'no-lead'
    | 'no-certified-lead'
    | 'unregistered-trainer'
    | 'no-internal-trainer'
    | 'lead-under-observation';
  severity: 'warning' | 'info';
  message: string;
  trainerId?: string;
  overridden?: boolean;
}

export interface PairingSuggestion {
  trainerId: string;
  name?: string | undefined;
  role: FacilitatorRole;
  /** The ladder step this session helps them reach. */
  forStep: string;
  pairWith?: string;
  reason: string;
  /** Sessions (or sign-off) still missing for that step. */
  remaining: number;
}

export interface StaffingResult {
  moduleId: string;
  ok: boolean;
  warnings: StaffingWarning[];
  override?: { by: string; at: string; reason?: string | undefined };
  suggestions: PairingSuggestion[];
}

export function checkStaffing(input: {
  session: {
    moduleId: string;
    start: string;
    facilitators: readonly { trainerId: string; role: FacilitatorRole }[];
  };
  ladder: LadderDef;
  trainers: ReadonlyMap<string, StaffingTrainer>;
  /** Ladder states on this module, for the session's trainers and the candidates. */
  states: ReadonlyMap<string, LadderState>;
  /** Certification dates on this module. */
  certifiedAt: ReadonlyMap<string, string>;
  /** Internal trainers who could join (registered for the module or already on its ladder). */
  candidates: readonly string[];
  /** Trainers already booked at that time. */
  busy: ReadonlySet<string>;
  override?: { by: string; at: string; reason?: string | undefined } | undefined;
  maxSuggestions?: number;
}): StaffingResult {
  const { session, ladder } = input;
  const certifiedThen = (t: string) => {
    const at = input.certifiedAt.get(t);
    return at !== undefined && at <= session.start;
  };
  const kindOf = (t: string): KindOrUnknown => input.trainers.get(t)?.kind ?? 'unknown';
  const warnings: StaffingWarning[] = [];
  const leads = session.facilitators.filter((f) => f.role === 'lead');
  const overridden = input.override !== undefined;
  const certifiedPresent = session.facilitators.filter((f) => certifiedThen(f.trainerId));
  if (leads.length === 0) {
    warnings.push({ code: 'no-lead', severity: 'warning', message: 'The session has no lead', overridden });
  } else if (!leads.some((l) => certifiedThen(l.trainerId))) {
    const observationStep = ladder.steps.findIndex((s) => s.requires.ledWithCertified !== undefined);
    const underObservation = leads.find((l) => {
      const st = input.states.get(l.trainerId);
      return st !== undefined && observationStep >= 0 && st.currentIndex >= observationStep - 1;
    });
    if (underObservation && certifiedPresent.length > 0) {
      warnings.push({
        code: 'lead-under-observation',
        severity: 'info',
        message: `${underObservation.trainerId} leads under the observation of ${certifiedPresent.map((f) => f.trainerId).join(', ')}`,
        trainerId: underObservation.trainerId,
      });
    } else {
      warnings.push({
        code: 'no-certified-lead',
        severity: 'warning',
        message: 'No lead of this session is certified on the module',
        overridden,
      });
    }
  }
  for (const f of session.facilitators) {
    if (!input.trainers.get(f.trainerId)?.registered) {
      warnings.push({
        code: 'unregistered-trainer',
        severity: 'warning',
        message: `${f.trainerId} is not in the trainer registry (counted as external)`,
        trainerId: f.trainerId,
      });
    }
  }
  if (
    session.facilitators.length > 0 &&
    !session.facilitators.some((f) => kindOf(f.trainerId) === 'internal')
  ) {
    warnings.push({
      code: 'no-internal-trainer',
      severity: 'info',
      message: 'Only external trainers: an internal trainer could observe or co-facilitate (see suggestions)',
    });
  }

  // --- pairing suggestions ---
  const onSession = new Set(session.facilitators.map((f) => f.trainerId));
  const anchor =
    leads.find((l) => certifiedThen(l.trainerId)) ??
    leads.find((l) => kindOf(l.trainerId) === 'external') ??
    certifiedPresent[0];
  const suggestions: PairingSuggestion[] = [];
  for (const t of input.candidates) {
    if (onSession.has(t) || input.busy.has(t)) continue;
    const info = input.trainers.get(t);
    if (info?.kind !== 'internal' || !info.active) continue;
    const st = input.states.get(t);
    const nextIdx = st ? st.currentIndex + 1 : 0;
    const step = ladder.steps[nextIdx];
    if (!step) continue; // top of the ladder
    const stepState = st?.steps[nextIdx];
    const missing = (c: 'observed' | 'coFacilitated' | 'led' | 'ledWithCertified') => {
      const required = step.requires[c];
      if (required === undefined) return 0;
      const actual = st?.counts[c] ?? 0;
      return Math.max(0, required - actual);
    };
    const name = info.name;
    const push = (role: FacilitatorRole, remaining: number, reason: string) =>
      suggestions.push({
        trainerId: t,
        ...(name ? { name } : {}),
        role,
        forStep: step.id,
        ...(anchor ? { pairWith: anchor.trainerId } : {}),
        reason,
        remaining,
      });
    if (stepState?.status === 'awaiting-sign-off') continue; // needs a signature, not a session
    if (missing('observed') > 0) push('observer', missing('observed'), 'needs-observation');
    else if (missing('coFacilitated') > 0 && anchor)
      push('co-facilitator', missing('coFacilitated'), 'needs-co-facilitation');
    else if (missing('ledWithCertified') > 0 && certifiedPresent.length > 0)
      push('lead', missing('ledWithCertified'), 'needs-lead-under-observation');
    else if (missing('led') > 0 && (certifiedPresent.length > 0 || anchor))
      push('lead', missing('led'), 'needs-lead');
  }
  // Closest to their next step first, then the most advanced.
  suggestions.sort(
    (a, b) =>
      a.remaining - b.remaining ||
      (input.states.get(b.trainerId)?.currentIndex ?? -1) -
        (input.states.get(a.trainerId)?.currentIndex ?? -1) ||
      a.trainerId.localeCompare(b.trainerId),
  );
  const blocking = warnings.filter((w) => w.severity === 'warning' && !w.overridden);
  return {
    moduleId: session.moduleId,
    ok: blocking.length === 0,
    warnings,
    ...(input.override ? { override: input.override } : {}),
    suggestions: suggestions.slice(0, input.maxSuggestions ?? 5),
  };
}
