import type { FacilitatorRole } from '../api/sessions-api.ts';
import type { Path } from '../content/schemas.ts';
import type { TransferSettings } from '../content/transfer-content.ts';
import { toParisIso } from '../lms/time.ts';

/**
 * Delivery mix of one session (docs/transfer.md, "Delivery mix"): who delivered it, internal or external trainers,
 * weighted by role. Pure.
 */

export const TRAINER_KINDS = ['internal', 'external'] as const;
export type TrainerKind = (typeof TRAINER_KINDS)[number];
/** A trainer missing from the registry counts as not internal (never inflates the internal share). */
export type KindOrUnknown = TrainerKind | 'unknown';

export const DELIVERY_CLASSES = ['external', 'mixed', 'internal'] as const;
export type DeliveryClass = (typeof DELIVERY_CLASSES)[number];
/** Who delivered the session, as the evaluation aggregates see it: the delivery class of the session. */
export type LeadKind = DeliveryClass;

export type DeliveryWeights = TransferSettings['deliveryWeights'];

export interface KindHistoryEntry {
  kind: TrainerKind;
  /** ISO instant from which this kind applies. */
  from: string;
}

export interface TrainerKindInfo {
  kind: TrainerKind;
  /** Oldest first. A change is recorded from the time it is made, never backdated. */
  kindHistory?: readonly KindHistoryEntry[];
}

/**
 * The trainer's kind at an instant: the last history entry starting at or before it; before the first entry, the
 * first entry's kind (registering someone does not change what they were).
 */
export function kindAt(t: TrainerKindInfo | undefined, at: string): KindOrUnknown {
  if (!t) return 'unknown';
  const history = t.kindHistory ?? [];
  if (history.length === 0) return t.kind;
  let kind = history[0]!.kind;
  for (const h of history) if (h.from <= at) kind = h.kind;
  return kind;
}

/** Month (`2027-01`), quarter (`2027-Q1`) and date of an instant, in the programme's time zone (Europe/Paris). */
export function periodOf(iso: string): { date: string; month: string; quarter: string } {
  const local = toParisIso(iso);
  const date = local.slice(0, 10);
  const month = local.slice(0, 7);
  const q = Math.floor((Number(local.slice(5, 7)) - 1) / 3) + 1;
  return { date, month, quarter: `${local.slice(0, 4)}-Q${q}` };
}

export interface StaffedFacilitator {
  trainerId: string;
  role: FacilitatorRole;
  kind: KindOrUnknown;
}

/**
 * Internal share of a session = Σ weight(role) of internal facilitators / Σ weight(role) of all facilitators.
 * `null` when nobody with a non-zero weight facilitated (no lead, no co-facilitator).
 */
export function internalShare(
  facilitators: readonly StaffedFacilitator[],
  weights: DeliveryWeights,
): number | null {
  let total = 0;
  let internal = 0;
  for (const f of facilitators) {
    const w = weights[f.role];
    total += w;
    if (f.kind === 'internal') internal += w;
  }
  return total > 0 ? internal / total : null;
}

export function deliveryClassOf(share: number | null): DeliveryClass | 'unstaffed' {
  if (share === null) return 'unstaffed';
  if (share <= 0) return 'external';
  if (share >= 1) return 'internal';
  return 'mixed';
}

/**
 * The lead kind recorded on evaluation responses: the delivery class; a session nobody delivered with a non-zero
 * weight falls back to the kinds of whoever was there (and to `external` when nobody was).
 */
export function leadKindOf(facilitators: readonly StaffedFacilitator[], weights: DeliveryWeights): LeadKind {
  const cls = deliveryClassOf(internalShare(facilitators, weights));
  if (cls !== 'unstaffed') return cls;
  const kinds = new Set(facilitators.map((f) => (f.kind === 'internal' ? 'internal' : 'external')));
  if (kinds.size === 2) return 'mixed';
  return kinds.has('internal') ? 'internal' : 'external';
}

/** The paths a session counts for: its own path, or every path containing its module when it is open to all. */
export function pathIdsOf(
  session: { moduleId: string; pathId?: string | undefined },
  paths: readonly Path[],
): string[] {
  if (session.pathId) return [session.pathId];
  return paths
    .filter(
      (p) =>
        p.entryModuleId === session.moduleId ||
        p.electiveModuleIds.includes(session.moduleId) ||
        p.coachModuleId === session.moduleId,
    )
    .map((p) => p.id)
    .sort();
}

export interface AttendanceCounts {
  attended: number;
  partial: number;
  noShow: number;
}

export interface FactFacilitator extends StaffedFacilitator {
  weight: number;
  /** Certified lead of the module at the session start (dated by the certification sign-off). */
  certified: boolean;
}

/** The derived record of one completed session (`transfer#session#<id>` / `delivery`). */
export interface DeliveryFact {
  sessionId: string;
  moduleId: string;
  pathId?: string;
  pathIds: string[];
  siteId: string;
  start: string;
  end: string;
  minutes: number;
  month: string;
  quarter: string;
  facilitators: FactFacilitator[];
  internalShare: number | null;
  internalMinutes: number;
  deliveryClass: DeliveryClass | 'unstaffed';
  leadKind: LeadKind;
  attendance: AttendanceCounts;
  /** Enough attendees for the facilitation to count (KPI, ladder). */
  credited: boolean;
  hasCertifiedLead: boolean;
}

/** Rounds to 6 decimals so that sums stored in DynamoDB and recomputed in memory agree. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function buildDeliveryFact(input: {
  session: {
    id: string;
    moduleId: string;
    pathId?: string | undefined;
    siteId: string;
    start: string;
    end: string;
  };
  facilitators: readonly (StaffedFacilitator & { certified: boolean })[];
  attendance: AttendanceCounts;
  paths: readonly Path[];
  settings: Pick<TransferSettings, 'deliveryWeights' | 'minAttendeesForCredit'>;
}): DeliveryFact {
  const { session, settings } = input;
  const weights = settings.deliveryWeights;
  const share = internalShare(input.facilitators, weights);
  const minutes = round6((Date.parse(session.end) - Date.parse(session.start)) / 60_000);
  const { month, quarter } = periodOf(session.start);
  const present = input.attendance.attended + input.attendance.partial;
  return {
    sessionId: session.id,
    moduleId: session.moduleId,
    ...(session.pathId ? { pathId: session.pathId } : {}),
    pathIds: pathIdsOf(session, input.paths),
    siteId: session.siteId,
    start: session.start,
    end: session.end,
    minutes,
    month,
    quarter,
    facilitators: input.facilitators.map((f) => ({
      trainerId: f.trainerId,
      role: f.role,
      kind: f.kind,
      weight: weights[f.role],
      certified: f.certified,
    })),
    internalShare: share === null ? null : round6(share),
    internalMinutes: share === null ? 0 : round6(share * minutes),
    deliveryClass: deliveryClassOf(share),
    leadKind: leadKindOf(input.facilitators, weights),
    attendance: { ...input.attendance },
    credited: present >= settings.minAttendeesForCredit,
    hasCertifiedLead: input.facilitators.some((f) => f.role === 'lead' && f.certified),
  };
}
