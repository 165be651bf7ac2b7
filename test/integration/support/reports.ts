import { expect } from 'vitest';
import { apiUrl, call, tokenFor, uniqueId } from './client.ts';
import { createSession, lab } from './fixtures.ts';
import { drainStream } from './local.ts';

/** Helpers of the HR reports tests: agents in a given service, sessions actually delivered, polling the reports. */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
 * Sessions a few seconds from now, one after the other (2 s each), every learner enrolled through the API before the
 * start; once the last one has started, the lab takes attendance. Returns the sessions (ids, times).
 */
export async function deliver(specs: SessionSpec[]): Promise<{ id: string; start: string; end: string }[]> {
  const enrolments = specs.reduce((n, s) => n + s.learners.length + (s.cancels?.length ?? 0) * 2, 0);
  const base = Date.now() + 5_000 + enrolments * 450 + specs.length * 600;
  const sessions = [];
  for (const [i, spec] of specs.entries()) {
    const startMs = base + i * 2_300;
    sessions.push(
      await createSession(
        { moduleId: spec.moduleId, pathId: spec.pathId ?? 'passinnov' },
        { daysFromNow: (startMs - Date.now()) / 86_400_000, durationMinutes: 2 / 60 },
      ),
    );
  }
  for (const [i, spec] of specs.entries()) {
    const s = sessions[i]!;
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
  }
  const wait = Math.max(...sessions.map((s) => Date.parse(s.start))) - Date.now() + 300;
  expect(wait, 'enrolments took longer than the lead time').toBeGreaterThan(-2_000);
  if (wait > 0) await sleep(wait);
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

/** Reads until `done` holds: the reports follow the table's stream, so the stream is drained between reads. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await drainStream();
    const v = await read();
    if (done(v) || Date.now() > until) return v;
    await sleep(250);
  }
}

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
