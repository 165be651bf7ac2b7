import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import {
  ladderDefFor,
  questionnaire,
  type Trajectory,
  trajectoryFor,
  transferSettings,
} from '@parcours/domain/content/transfer-content';
import { notFound } from '@parcours/domain/errors';
import { presentSatisfaction } from '@parcours/domain/evaluations/anonymity';
import { groups } from '@parcours/domain/transfer/aggregates';
import { moduleAlerts } from '@parcours/domain/transfer/alerts';
import { kindAt, periodOf } from '@parcours/domain/transfer/delivery';
import { forecastModule } from '@parcours/domain/transfer/forecast';
import {
  type Certification,
  type Granularity,
  kpiSeries,
  mixPoint,
  periodsBetween,
} from '@parcours/domain/transfer/kpi';
import { certificationMap } from '@parcours/domain/transfer/ladder';
import { getTrainers, listModuleSignOffs } from '@parcours/store/trainer-repo';
import { readAggregateGroup, readLadderSnapshots } from '@parcours/store/transfer-repo';

/** The lab's and HR's reads: delivery-mix KPI, forecast, alerts, quality held. A few Queries each, never a Scan. */

function modulesOfPath(pathId: string): string[] {
  const p = catalog().paths.find((x) => x.id === pathId);
  if (!p) throw notFound('path', pathId);
  return [p.entryModuleId, ...p.electiveModuleIds, ...(p.coachModuleId ? [p.coachModuleId] : [])];
}

function assertModule(moduleId: string): void {
  if (!catalog().modules.some((m) => m.id === moduleId)) throw notFound('module', moduleId);
}

async function certificationsOf(moduleIds: readonly string[]): Promise<Certification[]> {
  const lists = await Promise.all(moduleIds.map((m) => listModuleSignOffs(m)));
  const out: Certification[] = [];
  moduleIds.forEach((m, i) => {
    for (const [trainerId, certifiedAt] of certificationMap(lists[i]!, ladderDefFor(m)))
      out.push({ trainerId, moduleId: m, certifiedAt });
  });
  return out;
}

export async function deliveryMixKpi(q: {
  moduleId?: string | undefined;
  pathId?: string | undefined;
  granularity: Granularity;
  from?: string | undefined;
  to?: string | undefined;
}) {
  const settings = transferSettings();
  let scope: { type: 'module' | 'path' | 'programme'; id?: string };
  let group: string;
  let moduleIds: string[];
  if (q.moduleId) {
    assertModule(q.moduleId);
    scope = { type: 'module', id: q.moduleId };
    group = groups.mixModule(q.moduleId);
    moduleIds = [q.moduleId];
  } else if (q.pathId) {
    moduleIds = modulesOfPath(q.pathId);
    scope = { type: 'path', id: q.pathId };
    group = groups.mixPath(q.pathId);
  } else {
    scope = { type: 'programme' };
    group = groups.mixAll;
    moduleIds = catalog().modules.map((m) => m.id);
  }
  const today = periodOf(nowIso()).date;
  const from = q.from ?? settings.programmeStart;
  const to = q.to ?? today;
  const [members, certifications] = await Promise.all([
    readAggregateGroup(group),
    certificationsOf(moduleIds),
  ]);
  const trainers = await getTrainers([...new Set(certifications.map((c) => c.trainerId))]);
  const trajectories = moduleIds.map((m) => trajectoryFor(m)).filter((t): t is Trajectory => t !== undefined);
  const points = kpiSeries({
    members,
    granularity: q.granularity,
    periods: periodsBetween(from, to, q.granularity),
    certifications,
    isInternalAt: (t, at) => kindAt(trainers.get(t), at) === 'internal',
    trajectories,
    today,
  });
  const { sessions, internalShare, meanSessionShare } = mixPoint(members['total']);
  return {
    scope,
    granularity: q.granularity,
    points,
    total: { sessions, internalShare, meanSessionShare },
    trajectories,
  };
}

async function moduleInputs(moduleId: string) {
  const [members, snapshots] = await Promise.all([
    readAggregateGroup(groups.mixModule(moduleId), 'month#'),
    readLadderSnapshots(moduleId),
  ]);
  return { members, snapshots };
}

function forecastOf(moduleId: string, inputs: Awaited<ReturnType<typeof moduleInputs>>, now: string) {
  return forecastModule({
    moduleId,
    members: inputs.members,
    snapshots: inputs.snapshots,
    certifiedIndex: ladderDefFor(moduleId).certifiedIndex,
    trajectory: trajectoryFor(moduleId),
    settings: transferSettings(),
    now,
  });
}

const modulesOrOne = (moduleId?: string) => {
  if (moduleId) assertModule(moduleId);
  return moduleId ? [moduleId] : catalog().modules.map((m) => m.id);
};

export async function transferForecast(q: { moduleId?: string | undefined }) {
  const now = nowIso();
  const modules = modulesOrOne(q.moduleId);
  const items = await Promise.all(modules.map(async (m) => forecastOf(m, await moduleInputs(m), now)));
  return { generatedAt: now, items };
}

export async function transferAlerts(q: { moduleId?: string | undefined }) {
  const now = nowIso();
  const modules = modulesOrOne(q.moduleId);
  const lists = await Promise.all(
    modules.map(async (m) => {
      const [inputs, satisfaction] = await Promise.all([
        moduleInputs(m),
        readAggregateGroup(groups.satModuleLeadKind(m)),
      ]);
      return moduleAlerts({
        moduleId: m,
        members: inputs.members,
        satisfaction,
        snapshots: inputs.snapshots,
        trajectory: trajectoryFor(m),
        forecast: forecastOf(m, inputs, now),
        settings: transferSettings(),
        now,
      });
    }),
  );
  return { generatedAt: now, items: lists.flat() };
}

/** Satisfaction of internal-led vs external-led (and mixed) sessions, per module, under the anonymity threshold. */
export async function transferQuality(q: { moduleId?: string | undefined }) {
  const min = questionnaire().minResponsesShown;
  const modules = modulesOrOne(q.moduleId);
  const items = await Promise.all(
    modules.map(async (m) => {
      const g = await readAggregateGroup(groups.satModuleLeadKind(m));
      const external = presentSatisfaction('external', g['external'], min);
      const mixed = presentSatisfaction('mixed', g['mixed'], min);
      const internal = presentSatisfaction('internal', g['internal'], min);
      const delta =
        !external.hidden && !internal.hidden
          ? Math.round((internal.overall.mean - external.overall.mean) * 100) / 100
          : null;
      return { moduleId: m, external, mixed, internal, internalMinusExternal: delta };
    }),
  );
  return { baseline: transferSettings().satisfactionBaseline, minResponses: min, items };
}
