import { nowIso } from '@parcours/domain/clock';
import { ladderDefFor } from '@parcours/domain/content/transfer-content';
import type { ItemImage } from '@parcours/store/stream-image';
import { listAgenda } from '@parcours/store/trainer-repo';
import {
  deliveredSessions,
  recordResponse,
  recordSession,
  refreshLadderSnapshot,
  type TrainerModule,
  uniquePairs,
} from '../transfer/facts.ts';
import type { ChangeRecord, Projection } from './projection.ts';

type Image = ItemImage | undefined;

/**
 * The trainer transfer's derived data, from the table's stream (docs/transfer.md, "Stream"):
 * - a session that becomes `completed`, or whose attendance is taken again → its delivery fact, delivered records,
 *   evaluation window, facilitation Statements and mix contribution; then its facilitators' ladders;
 * - an evaluation response (new, edited, removed) → its satisfaction contribution; then the rated trainers' ladders;
 * - a sign-off → the trainer's ladder; a certification also re-records the sessions they facilitated on the module
 *   (their colleagues' "certified present" depends on it);
 * - a trainer registry entry created, or its kind changed → the sessions they facilitated are re-recorded.
 *
 * Idempotent under at-least-once delivery and replays: every step recomputes from the current state of its source
 * and replaces what that source contributes (see transfer-repo.ts), so applying a record twice changes nothing.
 */

function sessionNeedsRecording(oldImage: Image, newImage: Image): boolean {
  const wasCompleted = oldImage?.['status'] === 'completed';
  const isCompleted = newImage?.['status'] === 'completed';
  if (!wasCompleted && !isCompleted) return false;
  if (wasCompleted !== isCompleted) return true;
  return (
    oldImage?.['attendanceTakenAt'] !== newImage?.['attendanceTakenAt'] ||
    JSON.stringify(oldImage?.['facilitators'] ?? []) !== JSON.stringify(newImage?.['facilitators'] ?? [])
  );
}

async function refreshAll(pairs: TrainerModule[]): Promise<void> {
  await Promise.all(uniquePairs(pairs).map(refreshLadderSnapshot));
}

async function onSession(r: ChangeRecord): Promise<void> {
  if (!sessionNeedsRecording(r.oldImage, r.newImage)) return;
  const id = String(r.newImage?.['id'] ?? r.oldImage?.['id']);
  await refreshAll(await recordSession(id));
}

type RatedImage = { trainerId: string; rating?: number }[] | undefined;

async function onResponse(r: ChangeRecord): Promise<void> {
  const img = r.newImage ?? r.oldImage;
  if (!img) return;
  await recordResponse(String(img['sessionId']), String(img['responseId']));
  // Ladders read the trainers' own ratings only: refresh those rated before or after the change.
  const rated = [
    ...((r.oldImage?.['facilitators'] as RatedImage) ?? []),
    ...((r.newImage?.['facilitators'] as RatedImage) ?? []),
  ];
  const moduleId = String(img['moduleId']);
  await refreshAll(
    rated.filter((f) => f.rating !== undefined).map((f) => ({ trainerId: f.trainerId, moduleId })),
  );
}

async function onSignOff(r: ChangeRecord): Promise<void> {
  const img = r.newImage ?? r.oldImage;
  if (!img) return;
  const trainerId = String(img['trainerId']);
  const moduleId = String(img['moduleId']);
  const ladder = ladderDefFor(moduleId);
  const idx = ladder.steps.findIndex((s) => s.id === img['stepId']);
  const pairs: TrainerModule[] = [{ trainerId, moduleId }];
  if (idx >= ladder.certifiedIndex) {
    for (const sessionId of await deliveredSessions(trainerId, moduleId))
      pairs.push(...(await recordSession(sessionId)));
  }
  await refreshAll(pairs);
}

async function onTrainer(r: ChangeRecord): Promise<void> {
  const before = JSON.stringify(r.oldImage?.['kindHistory'] ?? null);
  const after = JSON.stringify(r.newImage?.['kindHistory'] ?? null);
  if (r.eventName === 'MODIFY' && before === after) return;
  const trainerId = String((r.newImage ?? r.oldImage)?.['trainerId']);
  const now = nowIso();
  const agenda = await listAgenda(trainerId);
  const sessions = new Set([
    ...agenda.filter((a) => a.start <= now).map((a) => a.sessionId),
    ...(await deliveredSessions(trainerId)),
  ]);
  const pairs: TrainerModule[] = [];
  for (const sessionId of sessions) pairs.push(...(await recordSession(sessionId)));
  await refreshAll(pairs);
}

export const transferProjection: Projection = {
  name: 'transfer',
  entities: ['session', 'evaluation-response', 'sign-off', 'trainer'],
  apply: async (r) => {
    switch (r.entity) {
      case 'session':
        return onSession(r);
      case 'evaluation-response':
        return onResponse(r);
      case 'sign-off':
        return onSignOff(r);
      case 'trainer':
        return onTrainer(r);
    }
  },
};
