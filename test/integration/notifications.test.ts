import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../packages/domain/src/lms/time.ts';
import { icsUtc, parseIcs } from '../../packages/domain/src/notifications/ics.ts';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { createSession, lab } from './support/fixtures.ts';
import { drainStream, mailFor, type SinkEmail, startSes, stopSes } from './support/local.ts';
import {
  at,
  D,
  enrol,
  H,
  type Notification,
  notificationsOf,
  person,
  settle,
  tick,
  tickUntilIdle,
} from './support/notifications.ts';
import { tableClient } from './support/table.ts';

/**
 * Notifications end to end on the real stand-ins: API writes → table stream → notifications projection →
 * notification records → the reminder tick (run explicitly, with an injected clock) → SES SendEmail (raw) → the SES
 * sink, whose stored mails (parsed by mailparser) are what these tests read.
 */

function calendarOf(mail: SinkEmail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return part ? parseIcs(Buffer.from(part.content, 'base64').toString('utf8')) : undefined;
}

const kindsOf = (mails: SinkEmail[]) => mails.map((m) => m.subject.split(' :')[0]!.split(':')[0]!);

// Each tick processes everything due in the shared table, other test files' records included (their learners have
// no address: `failed`): under a full parallel run on DynamoDB Local that can take a while.
describe('notifications through SES', { timeout: 180_000 }, () => {
  it('confirmation: French content, the right recipient, an .ics invitation that parses back (UID, UTC times, METHOD)', async () => {
    const lea = await person({ name: 'Léa Dubois' });
    const john = await person({ locale: 'en', name: 'John Smith' });
    const session = await createSession();
    const e = await enrol(lea, session.id);
    const eEn = await enrol(john, session.id);
    expect(e.status).toBe('enrolled');
    await settle();

    const [mail, ...more] = await mailFor(lea.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Inscription confirmée : Intelligence collective');
    expect(mail!.destination.to).toHaveLength(1);
    expect(mail!.destination.to[0]).toContain(`<${lea.email}>`);
    expect(mail!.destination.to[0]).toContain('Léa Dubois');
    expect(mail!.from).toContain('parcours@formation.example.gouv.fr');
    expect(mail!.body.text).toContain('Bonjour Léa,');
    expect(mail!.body.text).toContain(`Début : ${formatLocal(session.start, 'fr')}`);
    expect(mail!.body.html).toContain('<p>Bonjour Léa,</p>');
    expect(mail!.body.text).toMatch(/\/preferences\/unsubscribe\?token=/);

    const cal = calendarOf(mail!)!;
    expect(cal).toBeDefined();
    expect(cal.get('METHOD')?.value).toBe('REQUEST');
    expect(cal.get('UID')?.value).toBe(`enrolment-${e.id}@parcours`);
    expect(cal.get('DTSTART')?.value).toBe(icsUtc(session.start));
    expect(cal.get('DTEND')?.value).toBe(icsUtc(session.end));
    expect(cal.get('DTSTART')?.value).toMatch(/^\d{8}T\d{6}Z$/);
    expect(cal.get('ATTENDEE')?.value).toBe(`mailto:${lea.email}`);

    // The record keeps SES's message id.
    const confirmation = (await notificationsOf(e.id)).find((n) => n.kind === 'enrolment-confirmed')!;
    expect(confirmation.status).toBe('sent');
    expect(confirmation.sesMessageId).toBe(mail!.messageId);

    const [en] = await mailFor(john.email);
    expect(en!.subject).toBe('Enrolment confirmed: Collective intelligence');
    expect(en!.body.text).toContain('Hello John,');
    expect(calendarOf(en!)?.get('UID')?.value).toBe(`enrolment-${eEn.id}@parcours`);
  });

  it('two ticks racing over the same due items send each message exactly once', async () => {
    const learners = await Promise.all(Array.from({ length: 6 }, () => person()));
    const session = await createSession();
    const enrolments = [];
    for (const l of learners) enrolments.push(await enrol(l, session.id));
    await drainStream();
    // Confirmations are due now, the 2-day reminders at start - 2 days: a clock just past that makes both due.
    const now = at(session.start, -2 * D + 60_000);
    const results = await Promise.all([tick(now), tick(now), tick(now)]);
    await tickUntilIdle(now);
    expect(results.some((r) => r.claimed > 0)).toBe(true);
    // They really competed: together they read more candidates than they could claim.
    const total = (k: 'seen' | 'claimed') => results.reduce((sum, r) => sum + r[k], 0);
    expect(total('seen')).toBeGreaterThan(total('claimed'));
    for (const l of learners) {
      const mails = await mailFor(l.email);
      expect(kindsOf(mails).sort()).toEqual(['Inscription confirmée', 'Rappel']);
    }
    for (const e of enrolments) {
      const ns = await notificationsOf(e.id);
      const sent = ns.filter((n) => n.status === 'sent');
      expect(sent.map((n) => n.kind).sort()).toEqual(['enrolment-confirmed', 'session-reminder']);
      for (const n of sent) expect(n.attempts).toBe(1);
      // The 2-hour reminder is not due yet.
      expect(ns.filter((n) => n.status === 'pending').map((n) => n.kind)).toEqual(['session-reminder']);
    }
  });

  it('a tick while SES is down sends nothing and marks nothing sent; the next tick after it is back sends everything due, once', async () => {
    const learners = await Promise.all(Array.from({ length: 3 }, () => person()));
    const session = await createSession();
    const enrolments = [];
    for (const l of learners) enrolments.push(await enrol(l, session.id));
    await drainStream();
    const now = new Date().toISOString();
    await stopSes();
    try {
      const down = await tick(now);
      expect(down.sent).toBe(0);
      expect(down.outage).toBe(true);
      for (const e of enrolments) {
        const confirmation = (await notificationsOf(e.id)).find((n) => n.kind === 'enrolment-confirmed')!;
        // Nothing marked sent: back to pending, retried after a backoff, or not even claimed (the tick stopped).
        expect(confirmation.status).toBe('pending');
        expect(confirmation.sesMessageId).toBeUndefined();
        expect(confirmation.attempts).toBeLessThanOrEqual(1);
      }
      expect(
        (await notificationsOf(enrolments[0]!.id)).find((n) => n.kind === 'enrolment-confirmed')!.lastError,
      ).toBeTruthy();
    } finally {
      await startSes();
    }
    for (const l of learners) expect(await mailFor(l.email)).toHaveLength(0);
    // Past the backoff: everything due goes out, once.
    const later = at(now, 2 * H);
    await tickUntilIdle(later);
    await tickUntilIdle(later);
    for (const l of learners) expect(kindsOf(await mailFor(l.email))).toEqual(['Inscription confirmée']);
    for (const e of enrolments) {
      const confirmation = (await notificationsOf(e.id)).find((n) => n.kind === 'enrolment-confirmed')!;
      expect(confirmation.status).toBe('sent');
      expect(confirmation.sesMessageId).toBeTruthy();
    }
  });

  it('a tick that died holding a claim loses nothing: the lease expires and a later tick sends it, once', async () => {
    const lea = await person();
    const session = await createSession();
    const e = await enrol(lea, session.id);
    await drainStream();
    const confirmation = (await notificationsOf(e.id)).find(
      (n) => n.kind === 'enrolment-confirmed',
    )! as Notification & {
      shard: number;
    };
    // What a crashed tick leaves behind: claimed (sending), a lease two minutes ahead, no outcome recorded.
    const now = new Date().toISOString();
    const claimedUntil = at(now, 2 * 60_000);
    await tableClient().send(
      new UpdateCommand({
        TableName: 'parcours-local',
        Key: { pk: `enrolment#${e.id}#notifications#all`, sk: `notification#${confirmation.id}` },
        UpdateExpression:
          'SET #st = :sending, claimedUntil = :until, claimToken = :t, gsi1sk = :gsk ADD attempts :one',
        ConditionExpression: '#st = :pending',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':until': claimedUntil,
          ':t': 'crashed-tick',
          ':gsk': `${claimedUntil}#${confirmation.id}`,
          ':one': 1,
        },
      }),
    );
    await tickUntilIdle(now);
    expect(await mailFor(lea.email)).toHaveLength(0); // still leased to the dead tick
    await tickUntilIdle(at(claimedUntil, 1_000));
    await tickUntilIdle(at(claimedUntil, 60_000));
    expect(kindsOf(await mailFor(lea.email))).toEqual(['Inscription confirmée']);
    const after = (await notificationsOf(e.id)).find((n) => n.id === confirmation.id)!;
    expect(after.status).toBe('sent');
    expect(after.attempts).toBe(2);
  });

  it('a moved session re-times its reminders and sends an updated invitation (same UID, higher SEQUENCE)', async () => {
    const lea = await person();
    const session = await createSession();
    const e = await enrol(lea, session.id);
    await settle();
    const [confirmation] = await mailFor(lea.email);
    const firstSeq = Number(calendarOf(confirmation!)!.get('SEQUENCE')!.value);

    const newStart = at(session.start, 2 * D + 3 * H);
    const newEnd = at(session.end, 2 * D + 3 * H);
    const moved = await call('PATCH', `/sessions/${session.id}`, {
      token: await lab(),
      body: { start: newStart, end: newEnd },
    });
    expect(moved.status).toBe(200);
    await settle();

    const mails = await mailFor(lea.email);
    expect(kindsOf(mails)).toEqual(['Inscription confirmée', 'Session déplacée']);
    const notice = mails[1]!;
    expect(notice.body.text).toContain(`initialement prévue le ${formatLocal(session.start, 'fr')}`);
    expect(notice.body.text).toContain(`Début : ${formatLocal(newStart, 'fr')}`);
    const cal = calendarOf(notice)!;
    expect(cal.get('METHOD')?.value).toBe('REQUEST');
    expect(cal.get('UID')?.value).toBe(`enrolment-${e.id}@parcours`);
    expect(Number(cal.get('SEQUENCE')!.value)).toBeGreaterThan(firstSeq);
    expect(cal.get('DTSTART')?.value).toBe(icsUtc(newStart));
    expect(cal.get('DTEND')?.value).toBe(icsUtc(newEnd));

    // The reminders planned for the old time are cancelled; new ones exist for the new time.
    const ns = await notificationsOf(e.id);
    const reminders = ns.filter((n) => n.kind === 'session-reminder');
    expect(reminders.filter((n) => n.status === 'cancelled').map((n) => n.cancelReason)).toEqual([
      'session-moved',
      'session-moved',
    ]);
    expect(
      reminders
        .filter((n) => n.status === 'pending')
        .map((n) => n.dueAt)
        .sort(),
    ).toEqual([at(newStart, -2 * D), at(newStart, -2 * H)]);

    // Two days before the OLD start: nothing. Two days before the new start: the reminder, with the new time.
    await tickUntilIdle(at(session.start, -2 * D + 60_000));
    expect(await mailFor(lea.email)).toHaveLength(2);
    await tickUntilIdle(at(newStart, -2 * D + 60_000));
    const after = await mailFor(lea.email);
    expect(after).toHaveLength(3);
    expect(after[2]!.subject).toBe(`Rappel : Intelligence collective le ${formatLocal(newStart, 'fr')}`);
  });

  it('a cancelled enrolment gets a METHOD:CANCEL and no further reminder; the head of the waitlist is promoted with an invitation', async () => {
    const lea = await person();
    const next = await person({ name: 'Nadia Benali' });
    const session = await createSession({ capacity: 1 });
    const e = await enrol(lea, session.id);
    const w = await enrol(next, session.id);
    expect(w.status).toBe('waitlisted');
    await settle();
    const waitMail = await mailFor(next.email);
    expect(waitMail).toHaveLength(1);
    expect(waitMail[0]!.subject).toBe("Liste d'attente : Intelligence collective");
    expect(waitMail[0]!.body.text).toContain('en position 1.');
    expect(calendarOf(waitMail[0]!)).toBeUndefined();

    const cancel = await call('POST', `/enrolments/${e.id}/cancel`, { token: lea.token, body: {} });
    expect(cancel.status).toBe(200);
    await settle();

    const leaMails = await mailFor(lea.email);
    expect(kindsOf(leaMails)).toEqual(['Inscription confirmée', 'Inscription annulée']);
    const request = calendarOf(leaMails[0]!)!;
    const cancelCal = calendarOf(leaMails[1]!)!;
    expect(cancelCal.get('METHOD')?.value).toBe('CANCEL');
    expect(cancelCal.get('STATUS')?.value).toBe('CANCELLED');
    expect(cancelCal.get('UID')?.value).toBe(request.get('UID')?.value);
    expect(Number(cancelCal.get('SEQUENCE')!.value)).toBeGreaterThan(Number(request.get('SEQUENCE')!.value));

    const promoted = await mailFor(next.email);
    expect(kindsOf(promoted)).toEqual(["Liste d'attente", "Une place s'est libérée"]);
    const invite = calendarOf(promoted[1]!)!;
    expect(invite.get('METHOD')?.value).toBe('REQUEST');
    expect(invite.get('UID')?.value).toBe(`enrolment-${w.id}@parcours`);

    // Both reminder times pass: the cancelled learner gets nothing more, the promoted one both reminders.
    await tickUntilIdle(at(session.start, -2 * D + 60_000));
    await tickUntilIdle(at(session.start, -2 * H + 60_000));
    expect(await mailFor(lea.email)).toHaveLength(2);
    expect(kindsOf(await mailFor(next.email))).toEqual([
      "Liste d'attente",
      "Une place s'est libérée",
      'Rappel',
      'Rappel',
    ]);
    const leaReminders = (await notificationsOf(e.id)).filter((n) => n.kind === 'session-reminder');
    expect(leaReminders.map((n) => [n.status, n.cancelReason])).toEqual([
      ['cancelled', 'enrolment-cancelled'],
      ['cancelled', 'enrolment-cancelled'],
    ]);
  });

  it('opt-out (preferences or the one-click link in a mail) stops reminders, never essential messages', async () => {
    const viaPrefs = await person();
    const viaLink = await person();
    const keeps = await person();
    const put = await call<{ nonEssentialEmails: boolean }>('PUT', '/me/preferences', {
      token: viaPrefs.token,
      body: { nonEssentialEmails: false },
    });
    expect(put.status).toBe(200);
    expect(put.body.nonEssentialEmails).toBe(false);
    const session = await createSession();
    const eViaPrefs = await enrol(viaPrefs, session.id);
    await enrol(viaLink, session.id);
    await enrol(keeps, session.id);
    await settle();
    // Confirmations are essential: everyone gets theirs, opted out or not.
    for (const p of [viaPrefs, viaLink, keeps])
      expect(kindsOf(await mailFor(p.email))).toEqual(['Inscription confirmée']);

    // The link in the mail, as a person would click it (public route, signed token).
    const link = /(http:\/\/\S+\/preferences\/unsubscribe\?token=\S+)/.exec(
      (await mailFor(viaLink.email))[0]!.body.text!,
    )![1]!;
    const clicked = await fetch(link);
    expect(clicked.status).toBe(200);
    expect(
      ((await clicked.json()) as { preferences: { nonEssentialEmails: boolean } }).preferences
        .nonEssentialEmails,
    ).toBe(false);
    const prefs = await call<{ nonEssentialEmails: boolean }>('GET', '/me/preferences', {
      token: viaLink.token,
    });
    expect(prefs.body.nonEssentialEmails).toBe(false);
    // A tampered token is refused.
    const forged = await fetch(`${link.slice(0, -3)}abc`);
    expect(forged.status).toBe(400);

    await tickUntilIdle(at(session.start, -2 * D + 60_000));
    expect(kindsOf(await mailFor(viaPrefs.email))).toEqual(['Inscription confirmée']);
    expect(kindsOf(await mailFor(viaLink.email))).toEqual(['Inscription confirmée']);
    expect(kindsOf(await mailFor(keeps.email))).toEqual(['Inscription confirmée', 'Rappel']);
    const skipped = (await notificationsOf(eViaPrefs.id)).find(
      (n) => n.kind === 'session-reminder' && n.status === 'skipped',
    );
    expect(skipped?.cancelReason).toBe('opted-out');

    // The reminder carries the RFC 8058 headers' target: the POST variant works too.
    const post = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);

    // Cancellations are essential too.
    const cancel = await call('POST', `/enrolments/${eViaPrefs.id}/cancel`, {
      token: viaPrefs.token,
      body: {},
    });
    expect(cancel.status).toBe(200);
    await settle();
    expect(kindsOf(await mailFor(viaPrefs.email))).toEqual(['Inscription confirmée', 'Inscription annulée']);
  });

  it('a cancelled session: every learner gets the cancellation with METHOD:CANCEL, and no reminder', async () => {
    const a = await person();
    const b = await person();
    const session = await createSession();
    const ea = await enrol(a, session.id);
    await enrol(b, session.id);
    await settle();
    const r = await call('POST', `/sessions/${session.id}/cancel`, {
      token: await lab(),
      body: { reason: 'Intervenant indisponible' },
    });
    expect(r.status).toBe(200);
    await settle();
    for (const p of [a, b]) {
      const mails = await mailFor(p.email);
      expect(kindsOf(mails)).toEqual(['Inscription confirmée', 'Session annulée']);
      const cal = calendarOf(mails[1]!)!;
      expect(cal.get('METHOD')?.value).toBe('CANCEL');
      expect(cal.get('UID')?.value).toBe(calendarOf(mails[0]!)!.get('UID')?.value);
    }
    await tickUntilIdle(at(session.start, -2 * H + 60_000));
    expect(await mailFor(a.email)).toHaveLength(2);
    // One session-cancelled record, though both the enrolment's change and the session's planned it.
    expect((await notificationsOf(ea.id)).filter((n) => n.kind === 'session-cancelled')).toHaveLength(1);
  });

  it('a recipient without an address is marked failed (no-address) and listed for the lab, never silently dropped', async () => {
    const nobody = await person({ email: false });
    const session = await createSession();
    const e = await enrol(nobody, session.id);
    await settle();
    const confirmation = (await notificationsOf(e.id)).find((n) => n.kind === 'enrolment-confirmed')!;
    expect(confirmation.status).toBe('failed');
    expect(confirmation.failureReason).toBe('no-address');

    const learnerTry = await call('GET', '/notifications/failed', { token: nobody.token });
    expect(learnerTry.status).toBe(403);
    const found: { id: string; failureReason: string; recipientId: string }[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50 && !found.some((f) => f.id === confirmation.id); page++) {
      const r = await call<{ items: typeof found; nextCursor?: string }>(
        'GET',
        `/notifications/failed?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { token: await lab() },
      );
      expect(r.status).toBe(200);
      found.push(...r.body.items);
      cursor = r.body.nextCursor;
      if (!cursor) break;
    }
    const listed = found.find((f) => f.id === confirmation.id);
    expect(listed).toMatchObject({ failureReason: 'no-address', recipientId: nobody.id });
  });

  it('trainers: upcoming facilitation with their role, and "attendance not yet taken" after the end', async () => {
    const trainerId = uniqueId('trainer');
    const email = `${trainerId}@sgar.example.gouv.fr`;
    const token = await tokenFor({ userId: trainerId, roles: ['trainer'], email, name: 'Julien Moreau' });
    expect((await call('GET', '/me/profile', { token })).status).toBe(200);
    const session = await createSession({
      facilitators: [{ trainerId, role: 'lead' }],
      overrideNoCertifiedLead: true,
    });
    await drainStream();
    await tickUntilIdle(at(session.start, -3 * D + 60_000));
    const upcoming = await mailFor(email);
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]!.subject).toBe(
      `Votre prochaine animation : Intelligence collective le ${formatLocal(session.start, 'fr')}`,
    );
    expect(upcoming[0]!.body.text).toContain('Votre rôle : animation principale');
    await tickUntilIdle(at(session.end, 24 * H + 60_000));
    const all = await mailFor(email);
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toMatch(/^Présences à saisir : Intelligence collective/);
    expect(all[1]!.body.text).toContain(`/sessions/${session.id}/attendance`);
  });

  it('profile: created from the token, language and name editable, an identity e-mail not overridable', async () => {
    const p = await person({ name: 'Camille Martin' });
    const me = await call<{
      email: string;
      emailSource: string;
      displayName: string;
      locale: string;
      preferences: { nonEssentialEmails: boolean };
    }>('GET', '/me/profile', { token: p.token });
    expect(me.body).toMatchObject({
      email: p.email,
      emailSource: 'identity',
      displayName: 'Camille Martin',
      locale: 'fr',
    });
    expect(me.body.preferences.nonEssentialEmails).toBe(true);
    const upd = await call<{ locale: string; displayName: string }>('PUT', '/me/profile', {
      token: p.token,
      body: { locale: 'en', displayName: 'Cam' },
    });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ locale: 'en', displayName: 'Cam' });
    const denied = await call('PUT', '/me/profile', { token: p.token, body: { email: 'other@example.org' } });
    expect(denied.status).toBe(409);
    const bad = await call('PUT', '/me/profile', { token: p.token, body: { locale: 'de' } });
    expect(bad.status).toBe(400);
    expect((await call('GET', '/me/profile')).status).toBe(401);
  });
});
