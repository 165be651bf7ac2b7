import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { notificationSettings } from '../../packages/domain/src/content/notification-settings.ts';
import { formatLocal } from '../../packages/domain/src/lms/time.ts';
import { call } from './support/client.ts';
import { createSession, lab, moveToRecentPast } from './support/fixtures.ts';
import { drainStream, mailFor, runFunction } from './support/local.ts';
import {
  at,
  D,
  enrol,
  notificationsOf,
  type Person,
  person,
  settle,
  tickUntilIdle,
} from './support/notifications.ts';
import { tableClient } from './support/table.ts';
import { response } from './support/transfer.ts';

/**
 * The messages planned from attendance, evaluation windows, path memberships and HR summaries, end to end on the
 * real stand-ins (API → stream → notifications projection → tick → SES sink), read back from what the sink got.
 */

/**
 * A session the given people enrol in while it is ahead, recorded by the lab as having taken place a few minutes
 * ago, then attendance taken: the evaluation opens at the marking (after the end), so a tick at any later instant
 * finds it due — no test waits for a session to start or end.
 */
async function deliveredTo(people: Person[], marks: ('present' | 'partial' | 'absent')[]) {
  // Not PassInnov: reports.test.ts counts this month's PassInnov evaluation responses across services.
  const s = await createSession({ capacity: 12, pathId: 'formation-action-referents' });
  for (const p of people) await enrol(p, s.id);
  const [moved] = await moveToRecentPast([s]);
  const r = await call('PUT', `/sessions/${s.id}/attendance`, {
    token: await lab(),
    body: people.map((p, i) => ({ learnerId: p.id, status: marks[i] })),
  });
  expect(r.status, r.text).toBe(200);
  return { id: s.id, start: moved!.start, end: moved!.end };
}

const subjects = async (p: Person, prefix: string) =>
  (await mailFor(p.email)).filter((m) => m.subject.startsWith(prefix));

describe('more notifications through SES', { timeout: 240_000 }, () => {
  it('evaluation: opened to attendees right after the session, one reminder before it closes, re-timed when the lab moves the window, never to who answered', async () => {
    const [present, partial, absent] = [await person(), await person(), await person()];
    const s = await deliveredTo([present, partial, absent], ['present', 'partial', 'absent']);
    await settle();

    const closes = at(s.end, 14 * D); // content/evaluation.json: windowDays 14
    for (const p of [present, partial]) {
      const open = await subjects(p, 'Votre avis sur Intelligence collective');
      expect(open, p.id).toHaveLength(1);
      expect(open[0]!.body.text).toContain(`ouverte jusqu'au ${formatLocal(closes, 'fr')}`);
      expect(open[0]!.body.text).toContain('/app/apprenant#evaluations-heading');
      expect(open[0]!.body.text).toContain('/preferences/unsubscribe?token=');
    }
    expect(await subjects(absent, 'Votre avis')).toHaveLength(0);

    // One answers; the lab then extends the window by a week.
    expect(
      (await call('PUT', `/sessions/${s.id}/evaluation`, { token: present.token, body: response(5) })).status,
    ).toBe(201);
    const extended = at(closes, 7 * D);
    const moved = await call('PUT', `/sessions/${s.id}/evaluation-window`, {
      token: await lab(),
      body: { closesAt: extended, reason: 'prolongée pour le test' },
    });
    expect(moved.status, moved.text).toBe(200);
    await drainStream();

    // At the old reminder time nothing goes out; at the new one, only to who has not answered, once.
    await tickUntilIdle(at(closes, -3 * D + 60_000));
    expect(await subjects(partial, 'Rappel : évaluation')).toHaveLength(0);
    await tickUntilIdle(at(extended, -3 * D + 60_000));
    await tickUntilIdle(at(extended, -3 * D + 120_000));
    const reminder = await subjects(partial, 'Rappel : évaluation de Intelligence collective');
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.body.text).toContain(formatLocal(extended, 'fr'));
    expect(await subjects(present, 'Rappel : évaluation')).toHaveLength(0);
    expect(await subjects(absent, 'Rappel : évaluation')).toHaveLength(0);

    // The records say why: the answered learner's reminder skipped, the one planned for the old date cancelled.
    const enrolments = await call<{ items: { id: string; learnerId: string }[] }>(
      'GET',
      `/sessions/${s.id}/enrolments`,
      { token: await lab() },
    );
    const idOf = (p: Person) => enrolments.body.items.find((e) => e.learnerId === p.id)!.id;
    const presentRecords = await notificationsOf(idOf(present));
    expect(presentRecords.filter((n) => n.kind === 'evaluation-reminder').map((n) => n.status)).toContain(
      'skipped',
    );
    const partialRecords = (await notificationsOf(idOf(partial))).filter(
      (n) => n.kind === 'evaluation-reminder',
    );
    expect(partialRecords.map((n) => n.status).sort()).toEqual(['cancelled', 'sent']);
  });

  it('newcomer: joining a path after its cohort started sends the catch-up plan, once, as GET /me/catch-up lists it', async () => {
    const p = await person({ name: 'Inès Laurent' });
    const join = await call<{ newcomer: boolean }>('POST', '/me/paths/formation-action-referents', {
      token: p.token,
    });
    expect(join.status, join.text).toBeLessThan(300);
    expect(join.body.newcomer).toBe(true);
    // Joining again is idempotent: still one message.
    await call('POST', '/me/paths/formation-action-referents', { token: p.token });
    await settle();
    await settle();

    const mails = await subjects(p, 'Bienvenue dans le parcours');
    expect(mails).toHaveLength(1);
    const text = mails[0]!.body.text ?? '';
    expect(text).toMatch(/^Bonjour Inès,/);
    expect(text).toContain('/app/apprenant');
    const plan = await call<{
      paths: { pathId: string; missed: { moduleId: string }[]; coach?: { moduleId: string } }[];
    }>('GET', '/me/catch-up', { token: p.token });
    const mine = plan.body.paths.find((x) => x.pathId === 'formation-action-referents')!;
    expect(mine.coach?.moduleId).toBe('accompagnement-nouveaux-arrivants');
    expect(text).toContain('Accompagnement');
    expect(text.match(/^• /gm)).toHaveLength(mine.missed.length + 1);

    // Someone who joined a path before… cannot: every path's cohort has started; PassInnov's also. A learner who
    // opted out of optional e-mails gets nothing.
    const quiet = await person();
    await call('PUT', '/me/preferences', { token: quiet.token, body: { nonEssentialEmails: false } });
    await call('POST', '/me/paths/formation-action-referents', { token: quiet.token });
    await settle();
    expect(await subjects(quiet, 'Bienvenue')).toHaveLength(0);
  });

  it('HR monthly summary: recorded by the schedule, e-mailed once per month and recipient, even if the schedule runs twice', async () => {
    const month = `${2040 + (Date.now() % 40)}-${String(1 + (process.pid % 12)).padStart(2, '0')}`;
    const first = await runFunction<{ created: number }>('reports', { month });
    expect(first.created).toBeGreaterThan(0);
    await runFunction('reports', { month });
    await settle();
    await settle();
    const ofMonth = (await mailFor('rh.formation@drfip.example.gouv.fr')).filter((m) =>
      m.subject.startsWith('Synthèse des formations'),
    );
    const period = new Intl.DateTimeFormat('fr-FR', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));
    const these = ofMonth.filter((m) => m.subject === `Synthèse des formations : ${period}`);
    expect(these).toHaveLength(1);
    expect(these[0]!.destination.to.join()).toContain('rh.formation@drfip.example.gouv.fr');
    expect(these[0]!.body.text).toContain('DRFIP');
  });

  it('a message out of attempts is marked failed (max-attempts), never sent, and listed for the lab', async () => {
    const p = await person();
    const s = await createSession();
    const e = await enrol(p, s.id);
    await drainStream();
    const confirmation = (await notificationsOf(e.id)).find((n) => n.kind === 'enrolment-confirmed')!;
    // What earlier ticks leave after maxAttempts claims that never got SES to accept it.
    const { maxAttempts } = notificationSettings().delivery;
    await tableClient().send(
      new UpdateCommand({
        TableName: 'parcours-local',
        Key: { pk: `enrolment#${e.id}#notifications#all`, sk: `notification#${confirmation.id}` },
        UpdateExpression: 'SET attempts = :n, lastError = :err',
        ConditionExpression: '#st = :pending',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: {
          ':n': maxAttempts,
          ':err': 'simulated: SES unreachable',
          ':pending': 'pending',
        },
      }),
    );
    await tickUntilIdle();
    expect(await mailFor(p.email)).toHaveLength(0);
    const after = (await notificationsOf(e.id)).find((n) => n.id === confirmation.id)!;
    expect(after).toMatchObject({ status: 'failed', failureReason: 'max-attempts' });
    expect(after.sesMessageId).toBeUndefined();
    // Newest first: page until found (other files' failures may be listed around it).
    let listed: { id: string; failureReason: string } | undefined;
    let cursor: string | undefined;
    for (let page = 0; page < 50 && !listed; page++) {
      const r = await call<{ items: { id: string; failureReason: string }[]; nextCursor?: string }>(
        'GET',
        `/notifications/failed?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { token: await lab() },
      );
      expect(r.status).toBe(200);
      listed = r.body.items.find((x) => x.id === confirmation.id);
      cursor = r.body.nextCursor;
      if (!cursor) break;
    }
    expect(listed?.failureReason).toBe('max-attempts');
  });
});
