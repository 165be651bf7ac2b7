/**
 * The authorization matrix, generated from the route table: every route × every role (+ no token), then the
 * object-level rules (own / other) for routes that address someone's object. A route added to the table without an
 * entry in OBJECT_RULES (or PUBLIC_ROUTES) fails this test: authorization is never left implicit.
 */
import { ROLES, type Role } from '@parcours/domain/roles';
import type { HttpTrigger } from '@parcours/http/route-types';
import { describe, expect, it } from 'vitest';
import { fullRoutes as httpRoutes } from '../../functions/route-schemas.ts';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { createSession, deliveredWithTeam, lab, learner } from './support/fixtures.ts';
import { eventually } from './support/local.ts';
import { agentIn } from './support/reports.ts';
import { deliverSessions, registerTrainer, response } from './support/transfer.ts';

type RouteName = keyof typeof httpRoutes;

/** The catalogue's kinds: each has public reads and the lab's edits (functions/catalog/kind-routes.ts). */
const CATALOG_KINDS = ['modules', 'paths', 'sites', 'competencies', 'services'] as const;

/** Routes anyone may call without a token, on purpose. */
const PUBLIC_ROUTES = new Set<string>([
  'health-get',
  'modules-list',
  'modules-get',
  'paths-list',
  'paths-get',
  ...CATALOG_KINDS.flatMap((k) => [`${k}-list`, `${k}-get`]),
  'preferences-unsubscribe',
  'preferences-unsubscribe-post',
]);

type ObjectRule =
  /** Acts only on the caller's own data (`/me/...`): there is no "other" object to reach. */
  | { kind: 'self' }
  /** Role-gated administration: the role check is the whole rule (lab only). */
  | { kind: 'admin' }
  /** Shared reference data every signed-in role may read (e.g. the session calendar). */
  | { kind: 'shared' }
  /** Object-level rule, attacked here: `check` calls the route as the wrong person and expects 403/404. */
  | { kind: 'object'; check: () => Promise<void> };

const hrFor = (services: string[]) =>
  tokenFor({ userId: uniqueId('hr'), roles: ['hr'], hrServices: services });

/**
 * An HR of `direccte`, an agent of theirs and one of `sous-prefectures`, both already in the reports (as the lab sees
 * them). Services no other file uses: reports.test.ts asserts on whole services.
 */
async function hrScene() {
  const insider = await agentIn('direccte', 'Inès Direccte');
  const outsider = await agentIn('sous-prefectures', 'Omar Sous-Préfecture');
  const listed = await eventually(
    async () => (await call(`GET`, `/reports/agents/${outsider.id}`, { token: await lab() })).status,
    (status) => status === 200,
  );
  expect(listed).toBe(200);
  return { hr: await hrFor(['direccte']), insider, outsider };
}

/** An HR asking a list for a service outside their scope: 403, alone or beside one of theirs. */
async function outOfScopeRefused(path: string) {
  const hr = await hrFor(['direccte']);
  expect((await call('GET', `${path}?service=sous-prefectures`, { token: hr })).status).toBe(403);
  expect((await call('GET', `${path}?service=direccte,sous-prefectures`, { token: hr })).status).toBe(403);
  expect((await call('GET', `${path}?service=direccte`, { token: hr })).status).toBe(200);
}

/** An export made by one HR, and another HR of the same services: exports belong to whoever made them. */
async function exportOfAnotherHr() {
  const owner = await hrFor(['direccte']);
  const other = await hrFor(['direccte']);
  const r = await call<{ id: string }>('POST', '/reports/exports', {
    token: owner,
    body: { report: 'services', format: 'csv' },
  });
  expect(r.status, r.text).toBe(201);
  return { id: r.body.id, owner, other };
}

/** The lab's catalogue edits: the same six routes for each kind (functions/catalog/kind-routes.ts). */
const CATALOG_EDITS: Record<string, ObjectRule> = Object.fromEntries(
  CATALOG_KINDS.flatMap((k) =>
    ['create', 'update', 'archive', 'restore', 'history', ...(k === 'services' ? [] : ['delete'])].map(
      (a) => [`${k}-${a}`, { kind: 'admin' } as ObjectRule],
    ),
  ),
);

const OBJECT_RULES: Partial<Record<RouteName, ObjectRule>> & Record<string, ObjectRule> = {
  ...CATALOG_EDITS,
  'notifications-failed-resend': { kind: 'admin' },
  'me-get': { kind: 'self' },
  'me-data-export': { kind: 'self' },
  'me-sign-in': { kind: 'self' },
  'people-list': { kind: 'admin' },
  'people-get': { kind: 'admin' },
  'people-service-put': { kind: 'admin' },
  'people-roles-put': {
    kind: 'object',
    check: async () => {
      // Nobody but the lab grants a role, to anyone, themselves included (people.test.ts tries more).
      for (const role of ['trainer', 'hr'] as const) {
        const id = uniqueId(`self-${role}`);
        const token = await tokenFor({ userId: id, roles: [role, 'learner'] });
        const r = await call('PUT', `/people/${id}/roles`, {
          token,
          body: { roles: ['lab', role], hrServices: [], version: 1 },
        });
        expect(r.status).toBe(403);
      }
    },
  },
  'people-data-export': { kind: 'admin' },
  'people-erasure': { kind: 'admin' },
  'audit-list': { kind: 'admin' },
  'sessions-create': { kind: 'admin' },
  'sessions-list': { kind: 'shared' },
  'sessions-get': { kind: 'shared' },
  'sessions-update': { kind: 'admin' },
  'sessions-cancel': { kind: 'admin' },
  'me-facilitations': { kind: 'self' },
  'enrolments-create': {
    kind: 'object',
    check: async () => {
      const s = await createSession();
      const a = await learner();
      const b = await learner();
      const r = await call('POST', `/sessions/${s.id}/enrolments`, {
        token: a.token,
        body: { learnerId: b.id },
      });
      expect(r.status).toBe(403);
    },
  },
  'enrolments-cancel': {
    kind: 'object',
    check: async () => {
      const s = await createSession();
      const a = await learner();
      const b = await learner();
      const e = await call<{ id: string }>('POST', `/sessions/${s.id}/enrolments`, {
        token: a.token,
        body: {},
      });
      expect(
        (await call('POST', `/enrolments/${e.body.id}/cancel`, { token: b.token, body: {} })).status,
      ).toBe(403);
      // A trainer holding the learner role too is still only a learner for someone else's enrolment.
      const t = await tokenFor({ userId: uniqueId('tl'), roles: ['trainer', 'learner'] });
      expect((await call('POST', `/enrolments/${e.body.id}/cancel`, { token: t, body: {} })).status).toBe(
        403,
      );
    },
  },
  'me-enrolments': { kind: 'self' },
  'session-enrolments-list': {
    kind: 'object',
    check: async () => {
      const lead = uniqueId('lead');
      const s = await createSession({ facilitators: [{ trainerId: lead, role: 'lead' }] });
      const own = await tokenFor({ userId: lead, roles: ['trainer'] });
      const other = await tokenFor({ userId: uniqueId('other'), roles: ['trainer'] });
      expect((await call('GET', `/sessions/${s.id}/enrolments`, { token: own })).status).toBe(200);
      expect((await call('GET', `/sessions/${s.id}/enrolments`, { token: other })).status).toBe(403);
      expect((await call('GET', `/sessions/${s.id}/enrolments`, { token: await lab() })).status).toBe(200);
    },
  },
  'attendance-put': {
    kind: 'object',
    check: async () => {
      const { s, people, leadToken, observerToken } = await deliveredWithTeam(1);
      const body = [{ learnerId: people[0]!.id, status: 'present' }];
      const put = async (token: string) =>
        (await call('PUT', `/sessions/${s.id}/attendance`, { token, body })).status;
      expect(await put(await tokenFor({ userId: uniqueId('other'), roles: ['trainer'] }))).toBe(403);
      expect(await put(observerToken)).toBe(403);
      expect(await put(leadToken)).toBe(200);
    },
  },
  'me-progress': { kind: 'self' },
  'me-paths-join': { kind: 'self' },
  'me-sessions-suggested': { kind: 'self' },
  'me-catch-up': { kind: 'self' },
  'me-profile-get': { kind: 'self' },
  'me-profile-put': { kind: 'self' },
  'me-preferences-get': { kind: 'self' },
  'me-preferences-put': { kind: 'self' },
  'notifications-failed-list': { kind: 'admin' },
  'lrs-clients-create': { kind: 'admin' },
  'lrs-clients-list': { kind: 'admin' },
  'lrs-clients-rotate': { kind: 'admin' },
  'lrs-clients-revoke': { kind: 'admin' },
  'trainers-list': { kind: 'admin' },
  'trainers-put': { kind: 'admin' },
  'trainers-get': {
    kind: 'object',
    check: async () => {
      const [a, b] = [await registerTrainer('internal'), await registerTrainer('internal')];
      expect((await call('GET', `/trainers/${b.id}`, { token: a.token })).status).toBe(403);
      expect((await call('GET', `/trainers/${a.id}`, { token: a.token })).status).toBe(200);
    },
  },
  'trainer-ladder-get': {
    kind: 'object',
    check: async () => {
      const [a, b] = [await registerTrainer('internal'), await registerTrainer('internal')];
      expect((await call('GET', `/trainers/${b.id}/ladder`, { token: a.token })).status).toBe(403);
      expect((await call('GET', `/trainers/${a.id}/ladder`, { token: a.token })).status).toBe(200);
    },
  },
  'trainer-sign-offs-create': {
    kind: 'object',
    check: async () => {
      // Only the lab or a certified lead of the module signs a step off; a trainer who is not one cannot, not even
      // for themselves.
      const M = 'intelligence-collective';
      const [a, b] = [
        await registerTrainer('internal', { modules: [M] }),
        await registerTrainer('internal', { modules: [M] }),
      ];
      const body = { moduleId: M, stepId: 'lead-under-observation' };
      expect((await call('POST', `/trainers/${b.id}/sign-offs`, { token: a.token, body })).status).toBe(403);
      expect((await call('POST', `/trainers/${a.id}/sign-offs`, { token: a.token, body })).status).toBe(403);
    },
  },
  'me-evaluations-pending': { kind: 'self' },
  'session-evaluation-put': {
    kind: 'object',
    check: async () => {
      const lead = await registerTrainer('internal');
      const [s] = await deliverSessions([
        { moduleId: 'intelligence-collective', team: [{ trainerId: lead.id, role: 'lead' }], learners: 1 },
      ]);
      const stranger = await learner();
      const put = async (token: string) =>
        (await call('PUT', `/sessions/${s!.id}/evaluation`, { token, body: response(4) })).status;
      expect(await put(stranger.token)).toBe(403);
      expect(await put(s!.learners[0]!.token)).toBe(201);
    },
  },
  'evaluations-aggregates': {
    kind: 'object',
    check: async () => {
      const [lead, other] = [await registerTrainer('internal'), await registerTrainer('internal')];
      const [s] = await deliverSessions([
        { moduleId: 'intelligence-collective', team: [{ trainerId: lead.id, role: 'lead' }], learners: 1 },
      ]);
      const get = async (q: string, token: string) =>
        (await call('GET', `/evaluations/aggregates?${q}`, { token })).status;
      // Another trainer's ratings, whichever dimension carries the parameter.
      for (const by of ['trainer', 'session', 'module']) {
        expect(await get(`by=${by}&trainerId=${lead.id}`, other.token), by).toBe(403);
      }
      expect(await get(`by=session&sessionId=${s!.id}`, other.token)).toBe(403);
      expect(await get(`by=session&sessionId=${s!.id}`, lead.token)).toBe(200);
      expect(await get(`by=session&trainerId=${lead.id}`, lead.token)).toBe(200);
      // HR: programme dimensions only, never an individual.
      const hr = await tokenFor({ userId: uniqueId('hr'), roles: ['hr'] });
      expect(await get(`by=trainer&trainerId=${lead.id}`, hr)).toBe(403);
      expect(await get(`by=session&sessionId=${s!.id}`, hr)).toBe(403);
    },
  },
  'session-evaluation-window-put': { kind: 'admin' },
  'transfer-kpi': { kind: 'admin' },
  'transfer-forecast': { kind: 'admin' },
  'transfer-alerts': { kind: 'admin' },
  'transfer-quality': { kind: 'admin' },
  'session-staffing-check': { kind: 'admin' },
  'session-staffing-override': { kind: 'admin' },
  'transfer-staffing-check': { kind: 'admin' },
  'transfer-aggregates-verify': { kind: 'admin' },
  'reports-agents-get': {
    kind: 'object',
    check: async () => {
      const { hr, insider, outsider } = await hrScene();
      expect((await call('GET', `/reports/agents/${insider.id}`, { token: hr })).status).toBe(200);
      expect((await call('GET', `/reports/agents/${outsider.id}`, { token: hr })).status).toBe(404);
    },
  },
  'reports-agents-list': { kind: 'object', check: () => outOfScopeRefused('/reports/agents') },
  'reports-services': { kind: 'object', check: () => outOfScopeRefused('/reports/services') },
  'reports-paths': { kind: 'object', check: () => outOfScopeRefused('/reports/paths') },
  'reports-exports-create': {
    kind: 'object',
    check: async () => {
      const hr = await hrFor(['direccte']);
      const r = await call('POST', '/reports/exports', {
        token: hr,
        body: { report: 'agents', format: 'csv', filters: { service: 'sous-prefectures' } },
      });
      expect(r.status).toBe(403);
    },
  },
  'reports-exports-get': {
    kind: 'object',
    check: async () => {
      const { id, other, owner } = await exportOfAnotherHr();
      expect((await call('GET', `/reports/exports/${id}`, { token: other })).status).toBe(404);
      expect((await call('GET', `/reports/exports/${id}`, { token: owner })).status).toBe(200);
    },
  },
  'reports-exports-part': {
    kind: 'object',
    check: async () => {
      const { id, other, owner } = await exportOfAnotherHr();
      expect((await call('GET', `/reports/exports/${id}/parts/1`, { token: other })).status).toBe(404);
      expect((await call('GET', `/reports/exports/${id}/parts/1`, { token: owner })).status).toBe(200);
    },
  },
  'reports-exports-continue': {
    kind: 'object',
    check: async () => {
      const { id, other, owner } = await exportOfAnotherHr();
      expect((await call('POST', `/reports/exports/${id}/continue`, { token: other })).status).toBe(404);
      expect((await call('POST', `/reports/exports/${id}/continue`, { token: owner })).status).toBe(200);
    },
  },
};

const routes = Object.entries(httpRoutes) as [RouteName, HttpTrigger][];

/** Any concrete path: role checks run before validation, so placeholder ids are enough to test them. */
function concretePath(path: string): string {
  return path.replace(/\{(\w+)\+?\}/g, 'placeholder');
}

const tokens = new Map<Role, string>();
async function tokenForRole(role: Role): Promise<string> {
  let t = tokens.get(role);
  if (!t) {
    t = await tokenFor({ userId: uniqueId(`only-${role}`), roles: [role] });
    tokens.set(role, t);
  }
  return t;
}

describe('authorization matrix (generated from the route table)', () => {
  it('every route has an authorization entry: public on purpose, or an object-level rule', () => {
    const missing = routes
      .filter(([name, r]) => r.auth.kind === 'roles' && !(name in OBJECT_RULES))
      .map(([name]) => name);
    expect(missing, 'routes without an entry in OBJECT_RULES').toEqual([]);
    const accidentallyPublic = routes
      .filter(([name, r]) => r.auth.kind === 'public' && !PUBLIC_ROUTES.has(name))
      .map(([n]) => n);
    expect(accidentallyPublic, 'public routes not in PUBLIC_ROUTES').toEqual([]);
  });

  for (const [name, route] of routes) {
    if (route.auth.kind !== 'roles') continue;
    const allowed = route.auth.roles;
    describe(`${route.method} ${route.path} (${name})`, () => {
      it('without a token: 401', async () => {
        const r = await call(route.method, concretePath(route.path), route.body ? { body: {} } : {});
        expect(r.status).toBe(401);
      });
      for (const role of ROLES) {
        if (allowed.includes(role)) continue;
        it(`as ${role}: 403`, async () => {
          const r = await call<{ error: { code: string } }>(route.method, concretePath(route.path), {
            token: await tokenForRole(role),
            ...(route.body ? { body: {} } : {}),
          });
          expect(r.status).toBe(403);
          expect(r.body.error.code).toBe('role-required');
        });
      }
      const rule = OBJECT_RULES[name];
      if (rule?.kind === 'object') it("another person's object: refused", rule.check);
    });
  }
});
