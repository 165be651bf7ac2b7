import { randomUUID } from 'node:crypto';
import type { AGGREGATE_DIMENSIONS } from '@parcours/domain/api/transfer-api';
import { nowIso, nowMs } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { questionnaire, transferSettings } from '@parcours/domain/content/transfer-content';
import { AppError, forbidden, invalid, notFound } from '@parcours/domain/errors';
import { presentSatisfaction, type SatisfactionView } from '@parcours/domain/evaluations/anonymity';
import {
  checkResponse,
  type EvaluationInput,
  ratedFacilitators,
} from '@parcours/domain/evaluations/response';
import {
  checkEvaluationOpen,
  EVALUATING_STATUSES,
  evaluationWindow,
} from '@parcours/domain/evaluations/window';
import { hasRole, type Locale, type Principal } from '@parcours/domain/roles';
import { type Counters, groups } from '@parcours/domain/transfer/aggregates';
import { kindAt, leadKindOf, pathIdsOf, periodOf } from '@parcours/domain/transfer/delivery';
import { getEnrolment, getSessionItem, readLearnerState, type SessionItem } from '@parcours/store';
import {
  type EvaluationResponseItem,
  type EvaluationWindowItem,
  getEvaluationLink,
  getEvaluationResponse,
  getEvaluationWindow,
  listEvaluationLinks,
  listEvaluationResponses,
  saveEvaluationResponse,
  setEvaluationWindow,
} from '@parcours/store/evaluation-repo';
import { getTrainers, listDelivered } from '@parcours/store/trainer-repo';
import { getAggregates, readAggregateGroup } from '@parcours/store/transfer-repo';
import { evaluationStatement } from '@parcours/xapi/transfer-statements';
import { sessionRef, statementOp } from './statements.ts';

/** Satisfaction evaluations: submitting, listing what is open, the lab's window changes, aggregates by role. */

async function windowOf(session: Pick<SessionItem, 'id' | 'end' | 'moduleId'>) {
  const stored = await getEvaluationWindow(session.id);
  return stored ?? { ...evaluationWindow(session, questionnaire().windowDays), moduleId: session.moduleId };
}

function toResponseView(r: EvaluationResponseItem, closesAt: string) {
  return {
    sessionId: r.sessionId,
    status: 'submitted' as const,
    revision: r.revision,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
    closesAt,
    overall: r.overall,
    objectives: r.objectives,
    facilitators: r.facilitators
      .filter((f) => f.rating !== undefined)
      .map((f) => ({ trainerId: f.trainerId, rating: f.rating! })),
    recommend: r.recommend,
    ...(r.comment ? { comment: r.comment } : {}),
  };
}

/**
 * An attendee's response (create, or edit until the window closes). One per attendee and session: the learner's
 * link item holds the response id; the response itself carries no learner identifier.
 */
export async function submitEvaluation(principal: Principal, sessionId: string, body: EvaluationInput) {
  const q = questionnaire();
  const session = await getSessionItem(sessionId);
  if (!session) throw notFound('session', sessionId);
  const [enrolment, window] = await Promise.all([
    getEnrolment(sessionId, principal.userId),
    windowOf(session),
  ]);
  const now = nowIso();
  checkEvaluationOpen({ enrolmentStatus: enrolment?.status, window, now });
  const module = catalog().modules.find((m) => m.id === session.moduleId);
  if (!module) throw notFound('module', session.moduleId);
  const rated = ratedFacilitators(session.facilitators, q);
  checkResponse(body, { objectivesCount: module.objectives.length, rated }, q);

  const trainers = await getTrainers(session.facilitators.map((f) => f.trainerId));
  const staffed = session.facilitators.map((f) => ({
    ...f,
    kind: kindAt(trainers.get(f.trainerId), session.start),
  }));
  const leadKind = leadKindOf(staffed, transferSettings().deliveryWeights);
  const ratings = new Map(body.facilitators.map((f) => [f.trainerId, f.rating]));
  const { month, quarter } = periodOf(session.start);

  for (let attempt = 0; ; attempt++) {
    const link = await getEvaluationLink(principal.userId, sessionId);
    const responseId = link?.responseId ?? randomUUID();
    const revision = (link?.revision ?? 0) + 1;
    const comment = body.comment?.trim();
    const response: Omit<EvaluationResponseItem, 'pk' | 'sk' | 'entity'> = {
      responseId,
      sessionId,
      moduleId: session.moduleId,
      ...(session.pathId ? { pathId: session.pathId } : {}),
      pathIds: pathIdsOf(session, catalog().paths),
      siteId: session.siteId,
      sessionStart: session.start,
      overall: body.overall,
      objectives: body.objectives,
      facilitators: staffed
        .filter((f) => q.ratedRoles.includes(f.role))
        .map((f) => ({
          trainerId: f.trainerId,
          role: f.role,
          kind: f.kind,
          ...(ratings.has(f.trainerId) ? { rating: ratings.get(f.trainerId)! } : {}),
        })),
      recommend: body.recommend,
      ...(comment ? { comment } : {}),
      leadKind,
      quarter,
      month,
      submittedAt: link?.submittedAt ?? now,
      updatedAt: now,
      revision,
    };
    const statement = evaluationStatement({
      responseId,
      revision,
      session: sessionRef(session),
      overall: body.overall,
      recommend: body.recommend,
      leadKind,
      timestamp: now,
    });
    try {
      const saved = await saveEvaluationResponse({
        learnerId: principal.userId,
        response,
        previousRevision: link?.revision,
        statements: [statementOp(statement)],
      });
      return { created: link === undefined, view: toResponseView(saved, window.closesAt) };
    } catch (e) {
      // Two submissions at once: the loser re-reads the link and becomes an edit of the winner's response.
      if (e instanceof AppError && e.code === 'evaluation-conflict' && attempt < 3) continue;
      throw e;
    }
  }
}

function questionText(text: { fr: string; en: string }, locale: Locale, vars: Record<string, string> = {}) {
  let s = locale === 'en' ? text.en : text.fr;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{{${k}}}`, v);
  return s;
}

/** The evaluations a learner can fill in or still edit, with their questionnaires. */
export async function pendingEvaluations(principal: Principal) {
  const q = questionnaire();
  const locale = principal.locale;
  const now = nowIso();
  const [state, links] = await Promise.all([
    readLearnerState(principal.userId),
    listEvaluationLinks(principal.userId),
  ]);
  const linkBySession = new Map(links.map((l) => [l.sessionId, l]));
  // Windows last days (the lab may extend one): sessions over for more than a year are not even read.
  const horizon = new Date(nowMs() - 365 * 86_400_000).toISOString();
  const candidates = state.bookings.filter((b) => EVALUATING_STATUSES.includes(b.status) && b.end >= horizon);
  const items = [];
  for (const b of candidates) {
    const session = await getSessionItem(b.sessionId, false);
    if (!session) continue;
    const window = await windowOf(session);
    if (now >= window.closesAt) continue;
    const module = catalog().modules.find((m) => m.id === session.moduleId);
    if (!module) continue;
    const rated = ratedFacilitators(session.facilitators, q);
    const trainers = await getTrainers(rated.map((f) => f.trainerId));
    const link = linkBySession.get(session.id);
    const response = link ? await getEvaluationResponse(session.id, link.responseId) : undefined;
    items.push({
      sessionId: session.id,
      moduleId: session.moduleId,
      moduleTitle: module.title,
      start: session.start,
      end: session.end,
      closesAt: window.closesAt,
      status: response ? ('submitted' as const) : ('to-do' as const),
      questionnaire: {
        overall: questionText(q.questions.overall, locale),
        objectives: module.objectives.map((o, index) => ({
          index,
          question: questionText(q.questions.objective, locale, { objective: locale === 'en' ? o.en : o.fr }),
        })),
        facilitators: rated.map((f) => {
          const name = trainers.get(f.trainerId)?.name;
          return {
            trainerId: f.trainerId,
            ...(name ? { name } : {}),
            role: f.role,
            question: questionText(q.questions.facilitator, locale, { name: name ?? f.trainerId }),
          };
        }),
        recommend: questionText(q.questions.recommend, locale),
        comment: questionText(q.questions.comment, locale),
        commentMaxLength: q.commentMaxLength,
        scale: q.scaleLabels.map((l, i) => ({ value: i + 1, label: locale === 'en' ? l.en : l.fr })),
      },
      ...(response ? { response: toResponseView(response, window.closesAt) } : {}),
    });
  }
  return { items: items.sort((a, b) => a.closesAt.localeCompare(b.closesAt)) };
}

export async function moveEvaluationWindow(
  principal: Principal,
  sessionId: string,
  body: { closesAt: string; reason?: string | undefined },
): Promise<EvaluationWindowItem> {
  const session = await getSessionItem(sessionId);
  if (!session) throw notFound('session', sessionId);
  if (session.status === 'cancelled') throw invalid('session-cancelled', 'The session was cancelled');
  const base = await windowOf(session);
  return setEvaluationWindow(
    {
      sessionId,
      moduleId: session.moduleId,
      opensAt: base.opensAt,
      closesAt: body.closesAt,
      windowDays: base.windowDays,
    },
    { by: principal.userId, at: nowIso(), reason: body.reason },
  );
}

// --- aggregates ---------------------------------------------------------------------------------------------------

type Dimension = (typeof AGGREGATE_DIMENSIONS)[number];
const INDIVIDUAL: readonly Dimension[] = ['trainer', 'session'];

function present(entries: [string, Counters | undefined][]): SatisfactionView[] {
  const min = questionnaire().minResponsesShown;
  return entries
    .map(([key, c]) => presentSatisfaction(key, c, min))
    .sort((a, b) => a.key.localeCompare(b.key));
}

const byMember = (group: Record<string, Counters>, filter: (m: string) => boolean = () => true) =>
  Object.entries(group).filter(([m]) => filter(m)) as [string, Counters][];

/**
 * Satisfaction aggregates. `hr`: programme dimensions only (module, site, path, lead kind, quarter, all); a
 * trainer: their own ratings (`trainer`) and the sessions they facilitated (`session`); the lab: everything.
 * An aggregate of fewer than `minResponsesShown` responses is hidden and says so.
 */
export async function satisfactionAggregates(
  principal: Principal,
  query: {
    by: Dimension;
    moduleId?: string | undefined;
    sessionId?: string | undefined;
    trainerId?: string | undefined;
  },
) {
  const isLab = hasRole(principal, 'lab');
  const isHr = hasRole(principal, 'hr');
  const isTrainer = hasRole(principal, 'trainer');
  const min = questionnaire().minResponsesShown;
  if (!isLab) {
    if (INDIVIDUAL.includes(query.by)) {
      if (!isTrainer) {
        throw forbidden(
          'Ratings of individual trainers and sessions are not available to HR',
          'individual-ratings',
        );
      }
    } else if (!isHr) {
      throw forbidden(
        'Programme aggregates are for the lab and HR; trainers see their own ratings',
        'aggregates-not-allowed',
      );
    }
  }
  // The same rule for every dimension: only the lab may name another trainer. (A parameter that some dimensions
  // ignore must not be silently answered with the caller's own rows.)
  if (!isLab && query.trainerId !== undefined && query.trainerId !== principal.userId) {
    throw forbidden('Trainers only see their own ratings', 'not-your-ratings');
  }
  const out = (items: SatisfactionView[], comments?: string[]) => ({
    by: query.by,
    minResponses: min,
    items,
    ...(comments ? { comments } : {}),
  });
  switch (query.by) {
    case 'module':
    case 'site':
    case 'path':
    case 'quarter':
    case 'all': {
      const g = await readAggregateGroup(groups.satBy(query.by));
      const filter =
        query.by === 'module' && query.moduleId ? (m: string) => m === query.moduleId : undefined;
      return out(present(byMember(g, filter)));
    }
    case 'lead-kind': {
      if (query.moduleId) {
        const g = await readAggregateGroup(groups.satModuleLeadKind(query.moduleId));
        return out(present(byMember(g, (m) => !m.includes('#'))));
      }
      return out(present(byMember(await readAggregateGroup(groups.satBy('lead-kind')))));
    }
    case 'trainer': {
      const trainerId = query.trainerId ?? (isLab ? undefined : principal.userId);
      if (trainerId && query.moduleId) {
        const group = groups.satTrainerModule(trainerId);
        const a = await getAggregates([{ group, member: query.moduleId }]);
        return out(present([[`${trainerId}|${query.moduleId}`, a[`${group}|${query.moduleId}`]]]));
      }
      if (trainerId) {
        const group = groups.satBy('trainer');
        const a = await getAggregates([{ group, member: trainerId }]);
        return out(present([[trainerId, a[`${group}|${trainerId}`]]]));
      }
      return out(present(byMember(await readAggregateGroup(groups.satBy('trainer')))));
    }
    case 'session': {
      if (query.sessionId) {
        const session = await getSessionItem(query.sessionId, false);
        if (!session) throw notFound('session', query.sessionId);
        if (!isLab && !session.facilitators.some((f) => f.trainerId === principal.userId)) {
          throw forbidden('Trainers only see the sessions they facilitated', 'not-your-session');
        }
        const group = groups.satSessions(session.moduleId);
        const member = `${session.start}#${session.id}`;
        const a = await getAggregates([{ group, member }]);
        const view = presentSatisfaction(session.id, a[`${group}|${member}`], min);
        // Free-text comments: the lab only, only where the aggregate is shown, in an order unrelated to submission.
        const comments =
          isLab && !view.hidden
            ? (await listEvaluationResponses(session.id))
                .map((r) => r.comment)
                .filter((c): c is string => !!c)
                .sort((x, y) => x.localeCompare(y, 'fr'))
            : undefined;
        return out([view], comments);
      }
      const trainerId = query.trainerId ?? (isLab ? undefined : principal.userId);
      if (trainerId) {
        const delivered = (await listDelivered(trainerId)).filter(
          (d) => !query.moduleId || d.moduleId === query.moduleId,
        );
        const ids = delivered.map((d) => ({
          group: groups.satSessions(d.moduleId),
          member: `${d.start}#${d.sessionId}`,
        }));
        const a = await getAggregates(ids);
        return out(
          delivered.map((d) =>
            presentSatisfaction(
              d.sessionId,
              a[`${groups.satSessions(d.moduleId)}|${d.start}#${d.sessionId}`],
              min,
            ),
          ),
        );
      }
      if (!query.moduleId) throw invalid('module-or-session-required', 'Give a moduleId or a sessionId');
      const g = await readAggregateGroup(groups.satSessions(query.moduleId));
      return out(
        Object.entries(g).map(([member, c]) =>
          presentSatisfaction(member.slice(member.lastIndexOf('#') + 1), c, min),
        ),
      );
    }
  }
}
