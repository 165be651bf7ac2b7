import type { PutTrainerInput } from '@parcours/domain/api/transfer-api';
import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { ladderDefFor } from '@parcours/domain/content/transfer-content';
import { forbidden, invalid, notFound } from '@parcours/domain/errors';
import { hasRole, type Principal } from '@parcours/domain/roles';
import { checkSignOff, type LadderState, type SignOffRecord } from '@parcours/domain/transfer/ladder';
import {
  getTrainer,
  listDelivered,
  listTrainerSignOffs,
  listTrainers,
  putSignOff,
  putTrainer,
  type TrainerItem,
} from '@parcours/store/trainer-repo';
import { certificationsFor, computeLadder } from './facts.ts';

/** Trainers see their own record and ladder; the lab sees everyone's. */
export function assertSelfOrLab(principal: Principal, trainerId: string): void {
  if (hasRole(principal, 'lab')) return;
  if (hasRole(principal, 'trainer') && principal.userId === trainerId) return;
  throw forbidden("Trainers only see their own record; the lab sees everyone's", 'not-your-record');
}

export function toTrainerView(t: TrainerItem) {
  return {
    id: t.trainerId,
    name: t.name,
    ...(t.email ? { email: t.email } : {}),
    ...(t.phone ? { phone: t.phone } : {}),
    kind: t.kind,
    ...(t.homeServiceId ? { homeServiceId: t.homeServiceId } : {}),
    ...(t.organisation ? { organisation: t.organisation } : {}),
    modules: t.modules,
    active: t.active,
    kindHistory: t.kindHistory,
    version: t.version,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    updatedBy: t.updatedBy,
  };
}

export async function readTrainer(principal: Principal, trainerId: string) {
  assertSelfOrLab(principal, trainerId);
  const t = await getTrainer(trainerId);
  if (!t) throw notFound('trainer', trainerId);
  return toTrainerView(t);
}

export async function listRegistry() {
  const items = await listTrainers();
  return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'fr')).map(toTrainerView) };
}

export async function writeTrainer(principal: Principal, trainerId: string, body: PutTrainerInput) {
  const c = catalog();
  const unknownModules = body.modules.filter((m) => !c.modules.some((x) => x.id === m));
  if (unknownModules.length) throw invalid('unknown-module', 'Unknown modules', unknownModules);
  if (body.kind === 'internal' && !c.services.some((s) => s.id === body.homeServiceId)) {
    throw invalid('unknown-service', `Unknown service '${body.homeServiceId}'`);
  }
  const before = await getTrainer(trainerId);
  const saved = await putTrainer(trainerId, body, { by: principal.userId, now: nowIso() });
  return { created: before === undefined, trainer: toTrainerView(saved) };
}

/** The modules a trainer has a ladder on: registered for, facilitated (credited or not) or signed off. */
async function ladderModules(trainerId: string, trainer: TrainerItem | undefined): Promise<string[]> {
  const [delivered, signOffs] = await Promise.all([listDelivered(trainerId), listTrainerSignOffs(trainerId)]);
  const known = new Set(catalog().modules.map((m) => m.id));
  const ids = new Set([
    ...(trainer?.modules ?? []),
    ...delivered.map((d) => d.moduleId),
    ...signOffs.map((s) => s.moduleId),
  ]);
  return [...ids].filter((m) => known.has(m)).sort();
}

export async function readLadder(principal: Principal, trainerId: string, moduleId?: string) {
  assertSelfOrLab(principal, trainerId);
  const trainer = await getTrainer(trainerId);
  const modules = moduleId ? [moduleId] : await ladderModules(trainerId, trainer);
  if (moduleId && !catalog().modules.some((m) => m.id === moduleId)) throw notFound('module', moduleId);
  if (!trainer && modules.length === 0) throw notFound('trainer', trainerId);
  const states: LadderState[] = [];
  for (const m of modules) states.push(await computeLadder(trainerId, m, { trainer }));
  return { trainerId, modules: states };
}

/**
 * Signs a step off: the lab, or a trainer certified on the module (never for themself), when the step's criteria
 * are met; or the lab's recognition of a prior qualification (any step, no criteria, may be dated back).
 */
export async function signOff(
  principal: Principal,
  trainerId: string,
  body: {
    moduleId: string;
    stepId: string;
    note?: string | undefined;
    recognition: boolean;
    effectiveAt?: string | undefined;
  },
) {
  if (!catalog().modules.some((m) => m.id === body.moduleId)) throw notFound('module', body.moduleId);
  const isLab = hasRole(principal, 'lab');
  const now = nowIso();
  if (body.effectiveAt && body.effectiveAt > now)
    throw invalid('effective-in-future', 'effectiveAt cannot be in the future');
  const [trainer, certs] = await Promise.all([
    getTrainer(trainerId),
    certificationsFor(body.moduleId, [trainerId, principal.userId]),
  ]);
  if (!trainer) throw notFound('trainer', trainerId);
  const signerCertifiedAt = certs.get(principal.userId);
  const certifiedOnModule =
    hasRole(principal, 'trainer') && signerCertifiedAt !== undefined && signerCertifiedAt <= now;
  if (!isLab && !certifiedOnModule) {
    throw forbidden(
      'Sign-offs are given by the lab or by a certified lead of the module',
      'sign-off-not-allowed',
    );
  }
  const ladder = ladderDefFor(body.moduleId);
  const state = await computeLadder(trainerId, body.moduleId, { trainer, certs, now });
  const { byRole } = checkSignOff(state, ladder, {
    stepId: body.stepId,
    signer: { userId: principal.userId, isLab, certifiedOnModule },
    recognition: body.recognition,
  });
  const record: SignOffRecord = {
    trainerId,
    moduleId: body.moduleId,
    stepId: body.stepId,
    by: principal.userId,
    byRole,
    at: body.recognition && body.effectiveAt ? body.effectiveAt : now,
    recordedAt: now,
    basis: body.recognition ? 'recognition' : 'criteria',
    ...(body.note ? { note: body.note } : {}),
  };
  await putSignOff(record);
  const after = await computeLadder(trainerId, body.moduleId, { trainer, now });
  return { ...record, ladder: after };
}
