import type { EnrolmentStatus } from '@parcours/domain/api/sessions-api';
import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { serviceResolver } from '@parcours/domain/reports/agent-report';
import { enrolmentContribution, evaluationContribution } from '@parcours/domain/reports/contributions';
import type { Entity } from '@parcours/store/entities';
import { applySourceContribution } from '@parcours/store/report-counters';
import type { ItemImage } from '@parcours/store/stream-image';
import { recomputeAgent } from '../reports/recompute.ts';
import type { ChangeRecord, Projection } from './projection.ts';

/** Learner records the agent report is computed from (all in the learner's partition). */
const AGENT_ENTITIES: readonly Entity[] = ['booking', 'completion', 'path-membership', 'user-profile'];

/** Fields of each learner record that the report reads: a change elsewhere (preferences, locks…) is no change. */
const RELEVANT: Partial<Record<Entity, string[]>> = {
  booking: ['status', 'start', 'end', 'moduleId', 'pathId', 'sessionId'],
  'user-profile': ['displayName', 'email', 'service'],
  'path-membership': ['joinedAt', 'pathId'],
};

function unchanged(r: ChangeRecord): boolean {
  const fields = RELEVANT[r.entity];
  if (!fields || r.eventName !== 'MODIFY' || !r.oldImage || !r.newImage) return false;
  return fields.every((f) => JSON.stringify(r.oldImage![f]) === JSON.stringify(r.newImage![f]));
}

function learnerOf(r: ChangeRecord): string | undefined {
  const img = (r.newImage ?? r.oldImage) as ItemImage;
  if (typeof img['pk'] !== 'string' || !img['pk'].startsWith('user#')) return undefined;
  const id = r.entity === 'user-profile' ? img['userId'] : img['learnerId'];
  return typeof id === 'string' && id ? id : img['pk'].slice('user#'.length);
}

async function onSource(
  r: ChangeRecord,
  contributionOf: (i: ItemImage) => Record<string, number>,
): Promise<void> {
  const img = (r.newImage ?? r.oldImage) as ItemImage;
  await applySourceContribution({
    sourcePk: String(img['pk']),
    sourceSk: String(img['sk']),
    contribution: r.newImage ? contributionOf(r.newImage) : {},
    // Images of one item arrive in order; the guard also protects a rebuild from an older image arriving late.
    at: String(img['updatedAt'] ?? img['createdAt'] ?? ''),
    now: nowIso(),
  });
}

let resolveService: ((s: string | undefined) => string) | undefined;

/**
 * HR reports from the table's stream (docs/reports.md): learner records → the agent's report row, index blocks
 * and matrix/path-completion counters (recomputed from the learner's partition, idempotent); enrolments and
 * evaluation responses → path-period counters (per-source markers, idempotent). Never reads more than one
 * learner's partition per record.
 */
export const reportsProjection: Projection = {
  name: 'reports',
  entities: [...AGENT_ENTITIES, 'enrolment', 'evaluation-response'],
  apply: async (r) => {
    if (r.entity === 'enrolment') {
      resolveService ??= serviceResolver(catalog());
      const resolve = resolveService;
      return onSource(r, (i) =>
        enrolmentContribution(
          {
            status: i['status'] as EnrolmentStatus,
            ...(typeof i['pathId'] === 'string' ? { pathId: i['pathId'] } : {}),
            sessionStart: String(i['sessionStart'] ?? ''),
            ...(typeof i['learnerService'] === 'string' ? { learnerService: i['learnerService'] } : {}),
          },
          resolve,
        ),
      );
    }
    if (r.entity === 'evaluation-response')
      return onSource(r, (i) => evaluationContribution({ overall: i['overall'], ...i }));
    if (unchanged(r)) return;
    const learnerId = learnerOf(r);
    if (learnerId) await recomputeAgent(learnerId);
  },
};
