import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { decodeSummary } from '@parcours/domain/reports/agent-model';
import { serviceResolver } from '@parcours/domain/reports/agent-report';
import {
  type Contribution,
  enrolmentContribution,
  evaluationContribution,
} from '@parcours/domain/reports/contributions';
import { monthsBetween } from '@parcours/domain/reports/paris-time';
import { type EnrolmentItem, keys, listSessionEnrolments } from '@parcours/store';
import type { Entity } from '@parcours/store/entities';
import { erasureSubjectHash } from '@parcours/store/erasure-repo';
import { readAgentSources } from '@parcours/store/report-agents';
import { ListingReader } from '@parcours/store/report-blocks';
import { batchWriteAll, bulkReportItems } from '@parcours/store/report-bulk';
import { applySourceContribution } from '@parcours/store/report-counters';
import { scanEntitiesForRebuild } from '@parcours/store/report-scan';
import { sessionsOfMonth } from '@parcours/store/session-item';
import { computeAgentRow, recomputeAgent } from './recompute.ts';

/**
 * Recovery of the HR reports from the source records (docs/reports.md, "Rebuild"). Query-based modes repair what
 * they can reach through keys and indexes; `full` is the offline administration command that re-derives
 * everything (it enumerates the table with a parallel Scan, the only Scan in the system).
 */

type Log = (message: string) => void;

async function pool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Recomputes the given learners' rows (and their counter contributions) from their partitions. */
export async function rebuildLearners(learnerIds: readonly string[], log: Log = () => {}) {
  const outcome = { unchanged: 0, written: 0, deleted: 0, erased: 0 };
  await pool(learnerIds, 4, async (id) => {
    outcome[await recomputeAgent(id)]++;
  });
  log(`learners: ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Every agent currently listed in a service (its `name` listing, read by Query), recomputed. */
export async function rebuildService(serviceId: string, log: Log = () => {}) {
  const reader = new ListingReader(keys.report.listing(serviceId, 'name'), 'asc', undefined, {
    firstBatch: 32,
  });
  const ids: string[] = [];
  for (;;) {
    const { rows, done } = await reader.next();
    for (const r of rows) ids.push(decodeSummary(r.line).learnerId);
    if (done) break;
  }
  log(`service ${serviceId}: ${ids.length} agents`);
  return rebuildLearners(ids, log);
}

type EnrolmentSource = Pick<EnrolmentItem, 'status' | 'pathId' | 'sessionStart' | 'learnerService'>;

function enrolmentContributionOf(i: EnrolmentSource): Contribution {
  return enrolmentContribution(
    {
      status: i.status,
      ...(typeof i.pathId === 'string' ? { pathId: i.pathId } : {}),
      sessionStart: String(i.sessionStart ?? ''),
      ...(typeof i.learnerService === 'string' ? { learnerService: i.learnerService } : {}),
    },
    serviceResolver(catalog()),
  );
}

/**
 * Sessions of the months `from`–`to` (the month index, by Query), their enrolments (each session's partition):
 * path counters re-applied from each enrolment's current state, and every learner met recomputed.
 */
export async function rebuildMonths(from: string, to: string, log: Log = () => {}) {
  const learners = new Set<string>();
  let enrolments = 0;
  for (const month of monthsBetween(from, to)) {
    const sessions = (await sessionsOfMonth(month)).map((s) => s.id);
    await pool(sessions, 4, async (sessionId) => {
      for (const e of await listSessionEnrolments(sessionId)) {
        enrolments++;
        learners.add(e.learnerId);
        await applySourceContribution({
          sourcePk: e.pk,
          sourceSk: e.sk,
          contribution: enrolmentContributionOf(e),
          at: e.updatedAt ?? '',
          now: nowIso(),
        });
      }
    });
    log(`${month}: ${sessions.length} sessions`);
  }
  log(`${enrolments} enrolments, ${learners.size} learners`);
  return { enrolments, ...(await rebuildLearners([...learners], log)) };
}

const DERIVED: readonly Entity[] = ['report-agent', 'report-block', 'report-counter', 'report-marker'];
const SOURCES: readonly Entity[] = [
  'enrolment',
  'evaluation-response',
  'booking',
  'completion',
  'path-membership',
  'user-profile',
  // Erasure records: whose report must not be re-derived, and what they still contribute to the counters.
  'erasure',
];

/**
 * OFFLINE: re-derives every report item from the source records. 1) deletes the derived items, 2) enumerates the
 * sources (and the erasure records) with a parallel Scan, 3) recomputes each learner from their partition (Query),
 * except erased people, and each enrolment and evaluation response, 4) writes rows, packed blocks, markers and
 * absolute counters (erased people's recorded contributions included) with BatchWriteItem. Run it with
 * the stream consumer paused (disable the event source mapping; locally, stop `npm start`): records written
 * meanwhile are applied when it resumes, idempotently (markers and rows reflect the state the rebuild read).
 */
export async function rebuildAll(opts: { segments?: number; log?: Log } = {}) {
  const log = opts.log ?? (() => {});
  const segments = opts.segments ?? 4;
  const started = Date.now();
  const toDelete: { delete: { pk: string; sk: string } }[] = [];
  await scanEntitiesForRebuild(DERIVED, segments, (items) => {
    for (const it of items) toDelete.push({ delete: { pk: String(it['pk']), sk: String(it['sk']) } });
  });
  await batchWriteAll(toDelete, 4);
  log(`deleted ${toDelete.length} derived items`);

  const learners = new Set<string>();
  const sources: { pk: string; sk: string; contribution: Contribution; at: string }[] = [];
  /** Erased people (by subject hash) → what their removed row contributed, which the counters keep. */
  const erased = new Map<string, Contribution>();
  await scanEntitiesForRebuild(SOURCES, segments, (items) => {
    for (const it of items) {
      const entity = it['entity'] as Entity;
      const pk = String(it['pk']);
      if (entity === 'erasure') {
        erased.set(String(it['id']), (it['reportContribution'] as Contribution | undefined) ?? {});
      } else if (entity === 'enrolment' || entity === 'evaluation-response') {
        sources.push({
          pk,
          sk: String(it['sk']),
          contribution:
            entity === 'enrolment'
              ? enrolmentContributionOf(it as EnrolmentSource)
              : evaluationContribution({ overall: it['overall'], ...it }),
          at: String(it['updatedAt'] ?? it['createdAt'] ?? ''),
        });
      } else if (pk.startsWith('user#')) learners.add(pk.slice('user#'.length));
    }
  });
  // Erased people get no row (and no listing entries) back; their recorded contribution stays in the counters.
  const active = [...learners].filter((id) => !erased.has(erasureSubjectHash(id)));
  log(
    `sources: ${learners.size} learners (${learners.size - active.length} erased), ${sources.length} enrolments and responses`,
  );

  const agents: { learnerId: string; row: NonNullable<ReturnType<typeof computeAgentRow>> }[] = [];
  await pool(active, 8, async (learnerId) => {
    const row = computeAgentRow(await readAgentSources(learnerId));
    if (row) agents.push({ learnerId, row });
  });
  const items = bulkReportItems({
    agents,
    sources,
    retained: [...erased.values()],
    now: nowIso(),
  });
  await batchWriteAll(
    items.map((put) => ({ put })),
    4,
  );
  const result = {
    agents: agents.length,
    erased: learners.size - active.length,
    sources: sources.length,
    items: items.length,
    ms: Date.now() - started,
  };
  log(`wrote ${items.length} report items in ${result.ms} ms`);
  return result;
}
