/**
 * The authorization matrix, generated from the route table: every route × every role (+ no token), then the
 * object-level rules (own / other) for routes that address someone's object. A route added to the table without an
 * entry in OBJECT_RULES (or PUBLIC_ROUTES) fails this test: authorization is never left implicit.
 */
import { existsSync } from 'node:fs';
import { ROLES, type Role } from '@parcours/domain/roles';
import type { HttpTrigger } from '@parcours/http/route-types';
import { describe, expect, it } from 'vitest';
import { httpRoutes } from '../../functions/routes.ts';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { createSession, lab, learner } from './support/fixtures.ts';

type RouteName = keyof typeof httpRoutes;

/** Routes anyone may call without a token, on purpose. */
const PUBLIC_ROUTES = new Set<string>([
  'health-get',
  'openapi-get',
  'modules-list',
  'modules-get',
  'paths-list',
  'paths-get',
  'sites-list',
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
  /** Object-level rule, attacked here: `check` must try to reach another person's object. */
  | { kind: 'object'; check: () => Promise<void> }
  /** Object-level rule attacked in a dedicated test file. */
  | { kind: 'tested-in'; file: string };

const OBJECT_RULES: Partial<Record<RouteName, ObjectRule>> & Record<string, ObjectRule> = {
  'me-get': { kind: 'self' },
  'me-data-export': { kind: 'self' },
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
  'attendance-put': { kind: 'tested-in', file: 'test/integration/attendance-progress.test.ts' },
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
  'trainers-get': { kind: 'tested-in', file: 'test/integration/transfer.test.ts' },
  'trainer-ladder-get': { kind: 'tested-in', file: 'test/integration/transfer.test.ts' },
  'trainer-sign-offs-create': { kind: 'tested-in', file: 'test/integration/transfer.test.ts' },
  'me-evaluations-pending': { kind: 'self' },
  'session-evaluation-put': { kind: 'tested-in', file: 'test/integration/evaluations.test.ts' },
  'evaluations-aggregates': { kind: 'tested-in', file: 'test/integration/evaluations.test.ts' },
  'session-evaluation-window-put': { kind: 'admin' },
  'transfer-kpi': { kind: 'admin' },
  'transfer-forecast': { kind: 'admin' },
  'transfer-alerts': { kind: 'admin' },
  'transfer-quality': { kind: 'admin' },
  'session-staffing-check': { kind: 'admin' },
  'session-staffing-override': { kind: 'admin' },
  'transfer-staffing-check': { kind: 'admin' },
  'transfer-aggregates-verify': { kind: 'admin' },
  'reports-agents-get': { kind: 'tested-in', file: 'test/integration/reports.test.ts' },
  'reports-agents-list': { kind: 'tested-in', file: 'test/integration/reports.test.ts' },
  'reports-exports-continue': { kind: 'tested-in', file: 'test/integration/reports.test.ts' },
  'reports-exports-create': { kind: 'tested-in', file: 'test/integration/reports.test.ts' },
  'reports-exports-get': { kind: 'tested-in', file: 'test/integration/reports.test.ts' },
  'reports-exports-part': { kind: 'tested-in', file: 'test/integration/reports.test.ts' },
  'reports-paths': { kind: 'tested-in', file: 'test/integration/reports.test.ts' },
  'reports-services': { kind: 'tested-in', file: 'test/integration/reports.test.ts' },
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
    const missingFiles = Object.values(OBJECT_RULES).filter(
      (r) => r.kind === 'tested-in' && !existsSync(r.file),
    );
    expect(missingFiles, 'object-level rules pointing at missing test files').toEqual([]);
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
