import { expect } from 'vitest';
import { apiUrl, call, tokenFor, uniqueId } from './client.ts';
import { createSession, lab, moveToRecentPast } from './fixtures.ts';

/** Helpers of the HR reports tests: agents in a given service, sessions actually delivered, polling the reports. */

export interface Agent {
  id: string;
  token: string;
  name: string;
  service: string;
}

/** A learner of `service` (token claim), with a display name set through `PUT /me/profile`. */
export async function agentIn(service: string, name: string): Promise<Agent> {
  const id = uniqueId('rpt');
  const token = await tokenFor({ userId: id, roles: ['learner'], service, email: `${id}@example.gouv.fr` });
  const r = await call('PUT', '/me/profile', { token, body: { displayName: name } });
  expect(r.status, r.text).toBe(200);
  return { id, token, name, service };
}

export type Mark = 'present' | 'partial' | 'absent';

export interface SessionSpec {
  moduleId: string;
  pathId?: string;
  /** Learners and their attendance mark (`undefined`: enrolled, attendance not taken for them). */
  learners: [Agent, Mark | undefined][];
  /** Learners who enrol and then cancel before the start. */
  cancels?: Agent[];
}

/**
 * Sessions delivered a few minutes ago, one after the other (2 s each): scheduled ten minutes ahead (so that, as
 * in real life, enrolments and cancellations count in the month of a session still to come), every learner enrolled
 * through the API, then the lab records them in the recent past and takes attendance. Returns the sessions (ids,
 * times).
 */
export async function deliver(specs: SessionSpec[]): Promise<{ id: string; start: string; end: string }[]> {
  const ahead = Date.now() + 10 * 60_000;
  const scheduled = [];
  for (const [i, spec] of specs.entries()) {
    const start = new Date(ahead + i * 2_200).toISOString();
    const end = new Date(ahead + i * 2_200 + 2_000).toISOString();
    const s = await createSession(
      { moduleId: spec.moduleId, pathId: spec.pathId ?? 'passinnov' },
      { at: { start, end } },
    );
    for (const [p] of spec.learners) {
      const r = await call('POST', `/sessions/${s.id}/enrolments`, {
        token: p.token,
        body: { pathId: spec.pathId ?? 'passinnov' },
      });
      expect(r.status, r.text).toBe(201);
    }
    for (const p of spec.cancels ?? []) {
      const r = await call<{ id: string }>('POST', `/sessions/${s.id}/enrolments`, {
        token: p.token,
        body: {},
      });
      expect(r.status, r.text).toBe(201);
      const c = await call('POST', `/enrolments/${r.body.id}/cancel`, { token: await lab(), body: {} });
      expect(c.status, c.text).toBe(200);
    }
    scheduled.push(s);
  }
  const sessions = await moveToRecentPast(scheduled);
  for (const [i, spec] of specs.entries()) {
    const marks = spec.learners.filter(([, m]) => m).map(([p, m]) => ({ learnerId: p.id, status: m }));
    if (!marks.length) continue;
    const r = await call('PUT', `/sessions/${sessions[i]!.id}/attendance`, {
      token: await lab(),
      body: marks,
    });
    expect(r.status, r.text).toBe(200);
  }
  return sessions.map((s) => ({ id: s.id, start: s.start, end: s.end }));
}

export { eventually } from './local.ts';

/** The exact bytes of a response (`Response.text()` would drop a leading BOM), decompressed if gzip-encoded. */
export async function rawGet(
  path: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${apiUrl()}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Concatenates the bytes of an export's parts, as a client would, and decodes them (BOM kept). */
export async function downloadExport(
  token: string,
  view: { parts: { url: string }[] },
  headers: Record<string, string> = {},
): Promise<string> {
  const parts: Buffer[] = [];
  for (const p of view.parts) {
    const r = await rawGet(p.url, token, headers);
    expect(r.status, r.bytes.toString('utf8')).toBe(200);
    parts.push(r.bytes);
  }
  return Buffer.concat(parts).toString('utf8');
}
