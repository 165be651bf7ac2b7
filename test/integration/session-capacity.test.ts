import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { call } from './support/client.ts';
import { createSession, lab, learner } from './support/fixtures.ts';
import { drainStream } from './support/local.ts';
import { lrs, waitConsistent } from './support/lrs.ts';
import { notificationsOf } from './support/notifications.ts';
import { tableClient } from './support/table.ts';

/** Raising a session's capacity while people wait gives the added seats to the head of the queue, at once. */

type Enrolment = {
  id: string;
  status: string;
  waitlistPosition?: number;
  learnerId: string;
  sessionId: string;
};
type Session = { capacity: number; enrolledCount: number; waitlistLength: number; seatsLeft: number };
type Learner = { id: string; token: string };

async function enrolAs(l: Learner, sessionId: string) {
  const r = await call<Enrolment>('POST', `/sessions/${sessionId}/enrolments`, { token: l.token, body: {} });
  expect(r.status, r.text).toBe(201);
  return r.body;
}

async function patchCapacity(sessionId: string, capacity: number) {
  return call<Session & { error: { code: string; details: unknown } }>('PATCH', `/sessions/${sessionId}`, {
    token: await lab(),
    body: { capacity },
  });
}

/** The learner's own view of their enrolment in the session (GET /me/enrolments). */
async function mine(l: Learner, sessionId: string): Promise<Enrolment | undefined> {
  const r = await call<{ items: Enrolment[] }>('GET', '/me/enrolments', { token: l.token });
  expect(r.status).toBe(200);
  return r.body.items.find((e) => e.sessionId === sessionId);
}

/** The session's queue as the lab sees it, by position. */
async function queueOf(sessionId: string): Promise<Enrolment[]> {
  const r = await call<{ items: Enrolment[] }>('GET', `/sessions/${sessionId}/enrolments`, {
    token: await lab(),
  });
  expect(r.status).toBe(200);
  return r.body.items
    .filter((e) => e.status === 'waitlisted')
    .sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
}

describe('session capacity: added seats go to the head of the waitlist', () => {
  it('3 seated and 4 waiting: capacity 5 promotes the 2 earliest, 10 promotes everyone; below the seated: 409', async () => {
    const s = await createSession({ capacity: 3 });
    const seated = await Promise.all(Array.from({ length: 3 }, () => learner('cap')));
    for (const l of seated) expect((await enrolAs(l, s.id)).status).toBe('enrolled');
    // One after the other: the queue order is the order of arrival.
    const waiting = await Promise.all(Array.from({ length: 4 }, () => learner('capw')));
    const queued: Enrolment[] = [];
    for (const l of waiting) queued.push(await enrolAs(l, s.id));
    expect(queued.map((e) => [e.status, e.waitlistPosition])).toEqual([
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3],
      ['waitlisted', 4],
    ]);

    const five = await patchCapacity(s.id, 5);
    expect(five.status, five.text).toBe(200);
    expect(five.body).toMatchObject({ capacity: 5, enrolledCount: 5, waitlistLength: 2, seatsLeft: 0 });
    expect((await mine(waiting[0]!, s.id))?.status).toBe('enrolled');
    expect((await mine(waiting[1]!, s.id))?.status).toBe('enrolled');
    expect(await mine(waiting[2]!, s.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await mine(waiting[3]!, s.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect((await queueOf(s.id)).map((e) => e.learnerId)).toEqual([waiting[2]!.id, waiting[3]!.id]);

    // What a promotion by cancellation gives: a `registered` Statement under the enrolment's registration, and
    // the promotion message (the notification projection reads the status change from the stream).
    await waitConsistent(new Date().toISOString());
    const statements = await lrs<{ statements: { verb: { id: string } }[] }>('GET', '/statements', {
      query: { registration: queued[0]!.id, ascending: 'true' },
    });
    expect(statements.body.statements.map((x) => x.verb.id.split('/').pop())).toEqual([
      'waitlisted',
      'registered',
    ]);
    await drainStream();
    expect((await notificationsOf(queued[0]!.id)).map((n) => n.kind)).toContain('enrolment-promoted');
    expect((await notificationsOf(queued[2]!.id)).map((n) => n.kind)).not.toContain('enrolment-promoted');

    const ten = await patchCapacity(s.id, 10);
    expect(ten.status, ten.text).toBe(200);
    expect(ten.body).toMatchObject({ capacity: 10, enrolledCount: 7, waitlistLength: 0, seatsLeft: 3 });
    for (const l of waiting) expect((await mine(l, s.id))?.status).toBe('enrolled');
    expect(await queueOf(s.id)).toEqual([]);

    const below = await patchCapacity(s.id, 6);
    expect(below.status).toBe(409);
    expect(below.body.error.code).toBe('capacity-below-enrolled');
    expect(below.body.error.details).toMatchObject({ enrolledCount: 7, capacity: 6 });

    // A newcomer takes one of the seats left (nobody waits any more).
    expect((await enrolAs(await learner('cap'), s.id)).status).toBe('enrolled');
  });

  it('more promotions than one transaction holds: the rest follow in the same request, FIFO', async () => {
    // The one room that seats 30.
    const s = await createSession({ capacity: 2, siteId: 'a-distance', roomId: 'classe-virtuelle' });
    const people = await Promise.all(Array.from({ length: 40 }, () => learner('capbulk')));
    for (const l of people.slice(0, 2)) expect((await enrolAs(l, s.id)).status).toBe('enrolled');
    await Promise.all(people.slice(2).map((l) => enrolAs(l, s.id)));
    const before = (await queueOf(s.id)).map((e) => e.learnerId);
    expect(before).toHaveLength(38);

    const r = await patchCapacity(s.id, 30);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ capacity: 30, enrolledCount: 30, waitlistLength: 10 });
    const after = await queueOf(s.id);
    expect(after.map((e) => e.learnerId)).toEqual(before.slice(28));
    expect(after.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const list = await call<{ items: Enrolment[] }>('GET', `/sessions/${s.id}/enrolments`, {
      token: await lab(),
    });
    const enrolled = new Set(list.body.items.filter((e) => e.status === 'enrolled').map((e) => e.learnerId));
    expect(enrolled.size).toBe(30);
    for (const id of before.slice(0, 28)) expect(enrolled.has(id)).toBe(true);

    // Cancelling the session then closes every place, seated or waiting, under the counters as they now are.
    const cancel = await call<Session & { status: string }>('POST', `/sessions/${s.id}/cancel`, {
      token: await lab(),
      body: {},
    });
    expect(cancel.status, cancel.text).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'cancelled', enrolledCount: 30, waitlistLength: 10 });
    const closed = await call<{ items: Enrolment[] }>('GET', `/sessions/${s.id}/enrolments`, {
      token: await lab(),
    });
    expect(new Set(closed.body.items.map((e) => e.status))).toEqual(new Set(['session-cancelled']));
    expect(closed.body.items).toHaveLength(40);
    const entries = await tableClient().send(
      new QueryCommand({
        TableName: 'parcours-local',
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :w)',
        ExpressionAttributeValues: { ':pk': `session#${s.id}`, ':w': 'waitlist#' },
        ConsistentRead: true,
      }),
    );
    expect(entries.Items).toEqual([]);
  });
});
