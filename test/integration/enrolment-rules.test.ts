import { describe, expect, it } from 'vitest';
import { call, tokenFor } from './support/client.ts';
import { createSession, lab, learner } from './support/fixtures.ts';

type Enrolment = {
  id: string;
  status: string;
  waitlistPosition?: number;
  learnerId: string;
  sessionId: string;
};
const TOULOUSE_ROOM = 'salle-du-lab';
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const enrol = (token: string, sessionId: string, body: Record<string, unknown> = {}) =>
  call<Enrolment & ErrorBody>('POST', `/sessions/${sessionId}/enrolments`, { token, body });
const cancel = (token: string, enrolmentId: string) =>
  call<Enrolment & ErrorBody>('POST', `/enrolments/${enrolmentId}/cancel`, { token, body: {} });

describe('enrolment rules, each one attacked', () => {
  it('waitlist positions follow arrival order (sequential arrivals)', async () => {
    const s = await createSession({ capacity: 2 });
    const people = await Promise.all(Array.from({ length: 6 }, () => learner('seq')));
    const out: Enrolment[] = [];
    for (const p of people) out.push((await enrol(p.token, s.id)).body);
    expect(out.map((e) => e.status)).toEqual([
      'enrolled',
      'enrolled',
      'waitlisted',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    expect(out.slice(2).map((e) => e.waitlistPosition)).toEqual([1, 2, 3, 4]);
    // A waitlisted learner leaving moves everyone behind them up; nobody is promoted (no seat freed).
    await cancel(people[3]!.token, out[3]!.id);
    const mine = await call<{ items: Enrolment[] }>('GET', '/me/enrolments', { token: people[5]!.token });
    expect(mine.body.items.find((e) => e.sessionId === s.id)?.waitlistPosition).toBe(3);
    // A seat freed goes to the head of the queue, not to a newcomer.
    await cancel(people[0]!.token, out[0]!.id);
    const late = await learner('late');
    const lateResult = await enrol(late.token, s.id);
    expect(lateResult.body.status).toBe('waitlisted');
    const list = await call<{ items: Enrolment[] }>('GET', `/sessions/${s.id}/enrolments`, {
      token: await lab(),
    });
    expect(list.body.items.find((e) => e.learnerId === people[2]!.id)?.status).toBe('enrolled');
  });

  it('a retried enrolment returns the same enrolment (200), never a second seat', async () => {
    const s = await createSession({ capacity: 3 });
    const l = await learner();
    const first = await enrol(l.token, s.id);
    expect(first.status).toBe(201);
    const results = await Promise.all([enrol(l.token, s.id), enrol(l.token, s.id), enrol(l.token, s.id)]);
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.body.id).toBe(first.body.id);
    }
    const session = await call<{ enrolledCount: number }>('GET', `/sessions/${s.id}`, { token: await lab() });
    expect(session.body.enrolledCount).toBe(1);
  });

  it('concurrent duplicates from one learner produce one seat', async () => {
    const s = await createSession({ capacity: 3 });
    const l = await learner();
    const results = await Promise.all(Array.from({ length: 8 }, () => enrol(l.token, s.id)));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const session = await call<{ enrolledCount: number }>('GET', `/sessions/${s.id}`, { token: await lab() });
    expect(session.body.enrolledCount).toBe(1);
  });

  it('refuses an elective before the entry module, then accepts it once an earlier entry session is booked', async () => {
    const entry = await createSession({ moduleId: 'intelligence-collective' });
    const elective = await createSession({ moduleId: 'design-thinking' });
    const l = await learner();
    const refused = await enrol(l.token, elective.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('prerequisite-missing');
    expect((await enrol(l.token, entry.id)).status).toBe(201);
    expect((await enrol(l.token, elective.id)).status).toBe(201);
  });

  it('refuses an elective when the only entry booking ends after it starts', async () => {
    const elective = await createSession({ moduleId: 'creativite' });
    const entryLater = await createSession({ moduleId: 'intelligence-collective' });
    const l = await learner();
    expect((await enrol(l.token, entryLater.id)).status).toBe(201);
    const r = await enrol(l.token, elective.id);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('prerequisite-missing');
  });

  it('refuses two overlapping sessions and a second active enrolment in the same module', async () => {
    const a = await createSession({ moduleId: 'intelligence-collective' });
    // Same time, another site: overlapping for the learner.
    const b = await createSession({
      moduleId: 'intelligence-collective',
      siteId: 'toulouse',
      roomId: TOULOUSE_ROOM,
      start: a.start,
      end: a.end,
    });
    const c = await createSession({ moduleId: 'intelligence-collective' });
    const l = await learner();
    expect((await enrol(l.token, a.id)).status).toBe(201);
    const same = await enrol(l.token, c.id);
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('already-enrolled-in-module');
    // Overlap is checked before the module rule would even matter: use the lab to give the learner the entry module.
    const other = await learner();
    const entry = await createSession({ moduleId: 'intelligence-collective' });
    expect((await enrol(other.token, entry.id)).status).toBe(201);
    const d = await createSession({ moduleId: 'design-thinking' });
    const overlapping = await createSession({
      moduleId: 'storytelling',
      siteId: 'toulouse',
      roomId: TOULOUSE_ROOM,
      start: d.start,
      end: d.end,
    });
    expect((await enrol(other.token, d.id)).status).toBe(201);
    const clash = await enrol(other.token, overlapping.id);
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('overlapping-enrolment');
    expect(b.id).not.toBe(a.id);
  });

  it('a learner cannot cancel after the cut-off (409 with the deadline); the lab can', async () => {
    const s = await createSession({}, { daysFromNow: 1 });
    const l = await learner();
    const e = await enrol(l.token, s.id);
    expect(e.status).toBe(201);
    const refused = await cancel(l.token, e.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('cancellation-cutoff-passed');
    expect(refused.body.error.details).toMatchObject({ deadline: expect.any(String), cutoffHours: 48 });
    const byLab = await cancel(await lab(), e.body.id);
    expect(byLab.status).toBe(200);
    expect(byLab.body.status).toBe('cancelled');
  });

  it("another learner's enrolment: 403 on cancel; a learner cannot enrol someone else", async () => {
    const s = await createSession();
    const owner = await learner();
    const intruder = await learner();
    const e = await enrol(owner.token, s.id);
    const r = await cancel(intruder.token, e.body.id);
    expect(r.status).toBe(403);
    const forOther = await enrol(intruder.token, s.id, { learnerId: owner.id });
    expect(forOther.status).toBe(403);
  });

  it('the lab enrols anyone; a trainer or HR cannot enrol', async () => {
    const s = await createSession();
    const l = await learner();
    const byLab = await enrol(await lab(), s.id, { learnerId: l.id });
    expect(byLab.status).toBe(201);
    expect(byLab.body.learnerId).toBe(l.id);
    const hr = await tokenFor({ userId: 'hr-x', roles: ['hr'] });
    expect((await enrol(hr, s.id)).status).toBe(403);
    const trainer = await tokenFor({ userId: 'trainer-x', roles: ['trainer'] });
    expect((await enrol(trainer, s.id)).status).toBe(403);
    expect((await call('POST', `/sessions/${s.id}/enrolments`, { body: {} })).status).toBe(401);
  });

  it('unknown ids are 404, malformed payloads 400', async () => {
    const l = await learner();
    expect((await enrol(l.token, 's-00000000000000000000000000')).status).toBe(404);
    expect((await cancel(l.token, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await cancel(l.token, 'not-a-uuid')).status).toBe(400);
    const s = await createSession();
    expect((await enrol(l.token, s.id, { learnerId: 42 })).status).toBe(400);
    expect((await enrol(l.token, s.id, { unknown: true })).status).toBe(400);
    expect((await enrol(l.token, s.id, { pathId: 'no-such-path' })).status).toBe(400);
    const malformed = await call<ErrorBody>('POST', `/sessions/${s.id}/enrolments`, {
      token: l.token,
      rawBody: '{"learnerId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed-json');
  });

  it('cancelled sessions refuse enrolment', async () => {
    const s = await createSession();
    await call('POST', `/sessions/${s.id}/cancel`, { token: await lab(), body: {} });
    const l = await learner();
    const r = await enrol(l.token, s.id);
    expect(r.status).toBe(409);
  });
});
