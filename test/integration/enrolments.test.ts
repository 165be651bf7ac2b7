import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { call } from './support/client.ts';
import { createSession, lab, learner } from './support/fixtures.ts';
import { tableClient } from './support/table.ts';

type Enrolment = {
  id: string;
  status: string;
  waitlistPosition?: number;
  learnerId: string;
  sessionId: string;
};

async function enrolAs(token: string, sessionId: string, body: Record<string, unknown> = {}) {
  return call<Enrolment>('POST', `/sessions/${sessionId}/enrolments`, { token, body });
}

describe('enrolment: capacity and waitlist under concurrency', () => {
  it('200 concurrent requests into a 20-seat session: exactly 20 enrolled, 180 waitlisted 1..180 in arrival order; 5 cancellations promote 1..5', async () => {
    const session = await createSession({ capacity: 20 });
    const learners = await Promise.all(Array.from({ length: 200 }, () => learner('crowd')));
    const results = await Promise.all(learners.map((l) => enrolAs(l.token, session.id)));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.filter((s) => s !== 201),
      JSON.stringify(results.find((r) => r.status !== 201)?.body),
    ).toEqual([]);
    const enrolled = results.filter((r) => r.body.status === 'enrolled');
    const waitlisted = results.filter((r) => r.body.status === 'waitlisted');
    expect(enrolled).toHaveLength(20);
    expect(waitlisted).toHaveLength(180);

    // The session's own view of its queue: positions 1..180, FIFO by arrival ticket.
    const list = await call<{ items: Enrolment[] }>('GET', `/sessions/${session.id}/enrolments`, {
      token: await lab(),
    });
    const queue = list.body.items
      .filter((e) => e.status === 'waitlisted')
      .sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    expect(queue.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    // Positions reported at enrolment time never exceed the final queue length and are unique per ticket order.
    expect(new Set(waitlisted.map((r) => r.body.id)).size).toBe(180);

    // Counters re-read straight from the table match.
    const item = await tableClient().send(
      new GetCommand({
        TableName: 'parcours-local',
        Key: { pk: `session#${session.id}`, sk: 'session' },
        ConsistentRead: true,
      }),
    );
    expect(item.Item?.['enrolledCount']).toBe(20);
    expect(item.Item?.['waitlistLength']).toBe(180);

    // Five enrolled learners cancel: positions 1..5 are promoted, in order.
    const head = queue.slice(0, 5).map((e) => e.learnerId);
    const cancels = enrolled.slice(0, 5);
    for (const c of cancels) {
      const l = learners.find((x) => x.id === c.body.learnerId)!;
      const r = await call<Enrolment>('POST', `/enrolments/${c.body.id}/cancel`, {
        token: l.token,
        body: {},
      });
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('cancelled');
    }
    const after = await call<{ items: Enrolment[] }>('GET', `/sessions/${session.id}/enrolments`, {
      token: await lab(),
    });
    const nowEnrolled = after.body.items.filter((e) => e.status === 'enrolled').map((e) => e.learnerId);
    expect(nowEnrolled).toHaveLength(20);
    for (const id of head) expect(nowEnrolled).toContain(id);
    const stillWaiting = after.body.items
      .filter((e) => e.status === 'waitlisted')
      .sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    expect(stillWaiting.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 175 }, (_, i) => i + 1));
    expect(stillWaiting[0]!.learnerId).toBe(queue[5]!.learnerId);
    const again = await tableClient().send(
      new GetCommand({
        TableName: 'parcours-local',
        Key: { pk: `session#${session.id}`, sk: 'session' },
        ConsistentRead: true,
      }),
    );
    expect(again.Item?.['enrolledCount']).toBe(20);
    expect(again.Item?.['waitlistLength']).toBe(175);
  });
});
