import type { Facilitator } from '@parcours/domain/api/sessions-api';
import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { ladderDefFor } from '@parcours/domain/content/transfer-content';
import { conflict, notFound } from '@parcours/domain/errors';
import type { Principal } from '@parcours/domain/roles';
import { kindAt } from '@parcours/domain/transfer/delivery';
import type { LadderState } from '@parcours/domain/transfer/ladder';
import { checkStaffing, type StaffingTrainer } from '@parcours/domain/transfer/staffing';
import { getSessionItem } from '@parcours/store';
import { listAgenda, listTrainers } from '@parcours/store/trainer-repo';
import { getStaffingOverride, putStaffingOverride, readLadderSnapshots } from '@parcours/store/transfer-repo';
import { certificationsFor, computeLadder } from './facts.ts';

/** Scheduling checks: warnings on a session's staffing and pairing suggestions (docs/transfer.md, "Staffing"). */

interface Proposal {
  sessionId?: string;
  moduleId: string;
  start: string;
  end: string;
  facilitators: readonly Facilitator[];
}

async function check(p: Proposal, override?: { by: string; at: string; reason?: string | undefined }) {
  if (!catalog().modules.some((m) => m.id === p.moduleId)) throw notFound('module', p.moduleId);
  const ladder = ladderDefFor(p.moduleId);
  const ids = p.facilitators.map((f) => f.trainerId);
  const [registry, certs, snapshots] = await Promise.all([
    listTrainers(),
    certificationsFor(p.moduleId, ids),
    readLadderSnapshots(p.moduleId),
  ]);
  const trainers = new Map<string, StaffingTrainer>(
    registry.map((t) => [
      t.trainerId,
      { trainerId: t.trainerId, name: t.name, kind: kindAt(t, p.start), registered: true, active: t.active },
    ]),
  );
  const onLadder = new Set(snapshots.map((s) => s.trainerId));
  const candidates = registry
    .filter(
      (t) =>
        t.active &&
        kindAt(t, p.start) === 'internal' &&
        (t.modules.includes(p.moduleId) || onLadder.has(t.trainerId)),
    )
    .map((t) => t.trainerId)
    .filter((t) => !ids.includes(t));
  const byId = new Map(registry.map((t) => [t.trainerId, t]));
  const states = new Map<string, LadderState>();
  await Promise.all(
    [...ids, ...candidates].map(async (t) => {
      states.set(t, await computeLadder(t, p.moduleId, { trainer: byId.get(t), certs }));
    }),
  );
  const busy = new Set<string>();
  await Promise.all(
    candidates.map(async (t) => {
      const agenda = await listAgenda(t, { start: p.start, end: p.end });
      if (agenda.some((a) => a.sessionId !== p.sessionId)) busy.add(t);
    }),
  );
  const result = checkStaffing({
    session: { moduleId: p.moduleId, start: p.start, facilitators: p.facilitators },
    ladder,
    trainers,
    states,
    certifiedAt: certs,
    candidates,
    busy,
    override,
  });
  return { ...(p.sessionId ? { sessionId: p.sessionId } : {}), ...result };
}

async function overrideOf(
  sessionId: string,
  recorded: { code: string; by: string; at: string }[] | undefined,
) {
  const onCreate = recorded?.find((o) => o.code === 'no-certified-lead');
  const later = await getStaffingOverride(sessionId);
  if (later) return { by: later.by, at: later.at, ...(later.reason ? { reason: later.reason } : {}) };
  return onCreate ? { by: onCreate.by, at: onCreate.at } : undefined;
}

export async function sessionStaffingCheck(sessionId: string) {
  const s = await getSessionItem(sessionId, false);
  if (!s) throw notFound('session', sessionId);
  return check(
    { sessionId, moduleId: s.moduleId, start: s.start, end: s.end, facilitators: s.facilitators },
    await overrideOf(sessionId, s.overrides),
  );
}

export async function proposedStaffingCheck(body: {
  moduleId: string;
  start: string;
  end: string;
  facilitators: Facilitator[];
}) {
  return check(body);
}

/** The lab accepts a session without a certified lead: recorded with who, when and why. */
export async function overrideStaffing(principal: Principal, sessionId: string, reason: string) {
  const s = await getSessionItem(sessionId);
  if (!s) throw notFound('session', sessionId);
  if (s.status === 'cancelled') throw conflict('session-cancelled', 'The session was cancelled');
  await putStaffingOverride({
    sessionId,
    code: 'no-certified-lead',
    by: principal.userId,
    at: nowIso(),
    reason,
  });
  return sessionStaffingCheck(sessionId);
}
