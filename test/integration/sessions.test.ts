import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, call, tokenFor, uniqueId } from './support/client.ts';
import { tableClient } from './support/table.ts';

/**
 * Sessions against the real local stack. All suites share one DynamoDB Local (and the catalog's few rooms), so
 * every test works in private time slots: a random far-future base day per worker, one new day per slot, at a time
 * of day (13:07Z) no other suite uses; trainers are unique ids.
 */
type Session = {
  id: string;
  moduleId: string;
  pathId?: string;
  start: string;
  end: string;
  startLocal: string;
  endLocal: string;
  timeZone: string;
  siteId: string;
  roomId: string;
  capacity: number;
  enrolledCount: number;
  waitlistLength: number;
  seatsLeft: number;
  status: string;
  facilitators: { trainerId: string; role: string }[];
  version: number;
};
type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type List = { items: Session[]; nextCursor?: string };

const TABLE = 'parcours-local';
const DAY = 86_400_000;
const BASE = Date.UTC(2100 + Math.floor(Math.random() * 700), 0, 4, 13, 7);
let days = 0;

/** A private 90-minute slot (`offsetMinutes` shifts it within its day). */
function slot(offsetMinutes = 0, minutes = 90): { start: string; end: string } {
  days += 1;
  return at(BASE + days * DAY + offsetMinutes * 60_000, minutes);
}
function at(ms: number, minutes = 90): { start: string; end: string } {
  return { start: new Date(ms).toISOString(), end: new Date(ms + minutes * 60_000).toISOString() };
}
const shift = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

let lab: string;
let learnerToken: string;
let trainerToken: string;
let hrToken: string;

beforeAll(async () => {
  [lab, learnerToken, trainerToken, hrToken] = await Promise.all([
    tokenFor({ userId: uniqueId('lab'), roles: ['lab'] }),
    tokenFor({ userId: uniqueId('learner'), roles: ['learner'] }),
    tokenFor({ userId: uniqueId('trainer'), roles: ['trainer'] }),
    tokenFor({ userId: uniqueId('hr'), roles: ['hr'], hrServices: ['drfip'] }),
  ]);
});

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    moduleId: 'design-thinking',
    pathId: 'passinnov',
    ...slot(),
    siteId: 'toulouse',
    roomId: 'salle-garonne',
    capacity: 12,
    facilitators: [{ trainerId: uniqueId('t'), role: 'lead' }],
    ...overrides,
  };
}

async function create(
  b: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<ApiResponse<Session>> {
  return call<Session>('POST', '/sessions', { token: lab, body: b, ...(headers ? { headers } : {}) });
}

async function created(b: Record<string, unknown>): Promise<Session> {
  const r = await create(b);
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return r.body;
}

async function listAll(
  query: Record<string, string>,
  token = learnerToken,
): Promise<{ pages: List[]; items: Session[] }> {
  const pages: List[] = [];
  let cursor: string | undefined;
  do {
    const qs = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) });
    const r = await call<List>('GET', `/sessions?${qs}`, { token });
    expect(r.status, r.text).toBe(200);
    pages.push(r.body);
    cursor = r.body.nextCursor;
  } while (cursor && pages.length < 50);
  return { pages, items: pages.flatMap((p) => p.items) };
}

function expectSorted(items: Session[]) {
  const keys = items.map((s) => `${s.start}#${s.id}`);
  expect(keys).toEqual([...keys].sort());
  expect(new Set(items.map((s) => s.id)).size).toBe(items.length);
}

async function tableItem(pk: string, sk: string) {
  const r = await tableClient().send(
    new GetCommand({ TableName: TABLE, Key: { pk, sk }, ConsistentRead: true }),
  );
  return r.Item;
}

/**
 * An enrolment, its learner's booking copy, its waitlist entry and the session counters, written as the enrolment
 * engine writes them: fast for bulk tests, and keeps these tests about sessions independent of enrolment rules.
 */
async function seedEnrolment(
  s: Session,
  learnerId: string,
  status: 'enrolled' | 'waitlisted',
  ticket: number,
) {
  const now = new Date().toISOString();
  const client = tableClient();
  await client.send(
    new PutCommand({
      TableName: TABLE,
      Item: {
        pk: `session#${s.id}`,
        sk: `enrolment#${learnerId}`,
        entity: 'enrolment',
        id: crypto.randomUUID(),
        sessionId: s.id,
        learnerId,
        moduleId: s.moduleId,
        status,
        ticket,
        sessionStart: s.start,
        sessionEnd: s.end,
        createdAt: now,
        updatedAt: now,
      },
    }),
  );
  await client.send(
    new PutCommand({
      TableName: TABLE,
      Item: {
        pk: `user#${learnerId}`,
        sk: `booking#${s.id}`,
        entity: 'booking',
        learnerId,
        sessionId: s.id,
        moduleId: s.moduleId,
        status,
        start: s.start,
        end: s.end,
        createdAt: now,
        updatedAt: now,
      },
    }),
  );
  await client.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: { pk: `session#${s.id}`, sk: 'session' },
      UpdateExpression: 'ADD #counter :one',
      ExpressionAttributeNames: { '#counter': status === 'enrolled' ? 'enrolledCount' : 'waitlistLength' },
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
  if (status === 'waitlisted') {
    await client.send(
      new PutCommand({
        TableName: TABLE,
        Item: {
          pk: `session#${s.id}`,
          sk: `waitlist#${String(ticket).padStart(12, '0')}`,
          entity: 'waitlist-entry',
          sessionId: s.id,
          learnerId,
          ticket,
        },
      }),
    );
  }
}

describe('sessions: create and read', () => {
  it('the lab creates a session: 201 with the view, Europe/Paris local times and a Location', async () => {
    const trainer = uniqueId('t');
    const b = body({ facilitators: [{ trainerId: trainer, role: 'lead' }] });
    const r = await create(b);
    expect(r.status, r.text).toBe(201);
    expect(r.body.id).toMatch(/^s-[0-9a-z]{26}$/);
    expect(r.headers.get('location')).toBe(`/sessions/${r.body.id}`);
    expect(r.body).toMatchObject({
      moduleId: 'design-thinking',
      pathId: 'passinnov',
      start: b['start'],
      end: b['end'],
      timeZone: 'Europe/Paris',
      siteId: 'toulouse',
      roomId: 'salle-garonne',
      capacity: 12,
      enrolledCount: 0,
      waitlistLength: 0,
      seatsLeft: 12,
      status: 'scheduled',
      facilitators: [{ trainerId: trainer, role: 'lead' }],
      version: 1,
    });
    // January: Paris is UTC+1.
    expect(r.body.startLocal).toMatch(/T14:07:00\+01:00$/);

    const got = await call<Session>('GET', `/sessions/${r.body.id}`, { token: learnerToken });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(r.body);
  });

  it('instants with an offset are normalised to UTC; summer local time is UTC+2', async () => {
    const year = new Date(BASE).getUTCFullYear() + 1;
    const r = await create(
      body({
        start: `${year}-07-0${1 + (days % 7)}T09:30:00+02:00`,
        end: `${year}-07-0${1 + (days % 7)}T11:00:00+02:00`,
      }),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body.start).toMatch(/T07:30:00\.000Z$/);
    expect(r.body.startLocal).toMatch(/T09:30:00\+02:00$/);
    expect(r.body.endLocal).toMatch(/T11:00:00\+02:00$/);
  });

  it('the lab may record a past session; the override flag is accepted', async () => {
    const past = at(Date.now() - 30 * DAY + Math.floor(Math.random() * 600) * 60_000);
    const r = await create(
      body({ ...past, siteId: 'cahors', roomId: 'salle-lot', overrideNoCertifiedLead: true }),
    );
    expect(r.status, r.text).toBe(201);
  });

  it('GET /sessions/{id}: 404 session-not-found for an unknown id, 400 for a malformed one', async () => {
    const missing = await call<ErrorBody>('GET', `/sessions/s-${'0'.repeat(26)}`, { token: learnerToken });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('session-not-found');
    const bad = await call<ErrorBody>('GET', '/sessions/not-a-session', { token: learnerToken });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation-failed');
  });

  it('every signed-in role may read; nobody anonymous', async () => {
    const s = await created(body());
    for (const token of [learnerToken, trainerToken, hrToken, lab]) {
      expect((await call('GET', `/sessions/${s.id}`, { token })).status).toBe(200);
    }
    expect((await call('GET', `/sessions/${s.id}`)).status).toBe(401);
    expect((await call('GET', '/sessions')).status).toBe(401);
    expect((await call('POST', '/sessions', { body: body() })).status).toBe(401);
    expect((await call('PATCH', `/sessions/${s.id}`, { body: { capacity: 10 } })).status).toBe(401);
    expect((await call('POST', `/sessions/${s.id}/cancel`, { body: {} })).status).toBe(401);
    expect((await call('GET', '/me/facilitations')).status).toBe(401);
  });

  it('learners, trainers and HR cannot create, patch or cancel: 403', async () => {
    const s = await created(body());
    for (const token of [learnerToken, trainerToken, hrToken]) {
      const c = await call<ErrorBody>('POST', '/sessions', { token, body: body() });
      expect(c.status).toBe(403);
      expect(c.body.error.code).toBe('role-required');
      expect((await call('PATCH', `/sessions/${s.id}`, { token, body: { capacity: 10 } })).status).toBe(403);
      expect((await call('POST', `/sessions/${s.id}/cancel`, { token, body: {} })).status).toBe(403);
    }
    const after = await call<Session>('GET', `/sessions/${s.id}`, { token: lab });
    expect(after.body).toMatchObject({ status: 'scheduled', capacity: 12, version: 1 });
  });

  it.each([
    [
      'end before start',
      () => ((s) => ({ start: s.start, end: shift(s.start, -30) }))(slot()),
      'validation-failed',
    ],
    ['end equal to start', () => ((s) => ({ start: s.start, end: s.start }))(slot()), 'validation-failed'],
    [
      'an instant without offset',
      () => ({ start: '2130-03-03T09:30:00', end: '2130-03-03T11:00:00' }),
      'validation-failed',
    ],
    ['a date only', () => ({ start: '2130-03-03', end: '2130-03-04' }), 'validation-failed'],
    ['an extra field', () => ({ title: 'extra' }), 'validation-failed'],
    ['a missing field', () => ({ capacity: undefined }), 'validation-failed'],
    ['capacity 0', () => ({ capacity: 0 }), 'validation-failed'],
    ['a non-integer capacity', () => ({ capacity: 12.5 }), 'validation-failed'],
    [
      'a trainer twice',
      () => ({
        facilitators: [
          { trainerId: 'x', role: 'lead' },
          { trainerId: 'x', role: 'observer' },
        ],
      }),
      'validation-failed',
    ],
    [
      'an unknown facilitator role',
      () => ({ facilitators: [{ trainerId: 'x', role: 'boss' }] }),
      'validation-failed',
    ],
    ['an unknown module', () => ({ moduleId: 'astrophysique' }), 'unknown-reference'],
    ['an unknown path', () => ({ pathId: 'no-such-path' }), 'unknown-reference'],
    ['an unknown site', () => ({ siteId: 'lyon' }), 'unknown-reference'],
    [
      'a room of another site',
      () => ({ siteId: 'paris-bercy', roomId: 'salle-garonne' }),
      'room-not-in-site',
    ],
    ['a capacity over the room', () => ({ roomId: 'petite-salle', capacity: 13 }), 'capacity-exceeds-room'],
    [
      'a module outside the path',
      () => ({ pathId: 'passinnov', moduleId: 'coaching-de-projet' }),
      'module-not-in-path',
    ],
  ])('400 on %s', async (_what, overrides, code) => {
    const r = await create(body(overrides()));
    expect(r.status, r.text).toBe(400);
    expect((r.body as unknown as ErrorBody).error.code).toBe(code);
  });

  it('400 on a body that is not JSON, and on no body', async () => {
    expect(
      (
        await call('POST', '/sessions', {
          token: lab,
          rawBody: '{',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    expect((await call('POST', '/sessions', { token: lab })).status).toBe(400);
  });

  it('unknown references are all reported in the details', async () => {
    const r = await call<ErrorBody>('POST', '/sessions', {
      token: lab,
      body: body({ moduleId: 'nope', siteId: 'nowhere', pathId: 'nope-path' }),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual(
      expect.arrayContaining([
        { field: 'moduleId', id: 'nope' },
        { field: 'pathId', id: 'nope-path' },
        { field: 'siteId', id: 'nowhere' },
      ]),
    );
  });
});

describe('sessions: no double-booking of trainers and rooms', () => {
  it('a trainer cannot facilitate two overlapping sessions (409 with details), in any role or room', async () => {
    const t = uniqueId('t');
    const first = await created(body({ facilitators: [{ trainerId: t, role: 'lead' }] }));
    const r = await call<ErrorBody>('POST', '/sessions', {
      token: lab,
      body: body({
        start: shift(first.start, 45),
        end: shift(first.end, 45),
        siteId: 'paris-bercy',
        roomId: 'salle-atelier-1',
        facilitators: [{ trainerId: t, role: 'observer' }],
      }),
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('trainer-unavailable');
    expect(r.body.error.details).toMatchObject({ trainerId: t, sessionId: first.id });
  });

  it('a room cannot host two overlapping sessions, the virtual classroom included', async () => {
    const first = await created(body({ siteId: 'a-distance', roomId: 'classe-virtuelle', capacity: 20 }));
    const r = await call<ErrorBody>('POST', '/sessions', {
      token: lab,
      body: body({
        start: shift(first.start, -30),
        end: shift(first.start, 1),
        siteId: 'a-distance',
        roomId: 'classe-virtuelle',
      }),
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('room-unavailable');
    expect(r.body.error.details).toMatchObject({
      siteId: 'a-distance',
      roomId: 'classe-virtuelle',
      sessionId: first.id,
    });
  });

  it('back-to-back sessions are allowed (half-open intervals) for the same trainer and room', async () => {
    const t = uniqueId('t');
    const a = await created(
      body({ siteId: 'montpellier', roomId: 'salle-lez', facilitators: [{ trainerId: t, role: 'lead' }] }),
    );
    const before = await create(
      body({
        start: shift(a.start, -90),
        end: a.start,
        siteId: 'montpellier',
        roomId: 'salle-lez',
        facilitators: [{ trainerId: t, role: 'lead' }],
      }),
    );
    expect(before.status, before.text).toBe(201);
    const after = await create(
      body({
        start: a.end,
        end: shift(a.end, 90),
        siteId: 'montpellier',
        roomId: 'salle-lez',
        facilitators: [{ trainerId: t, role: 'co-facilitator' }],
      }),
    );
    expect(after.status, after.text).toBe(201);
  });

  it('10 concurrent overlapping creations for one trainer in 10 different rooms: exactly one 201', async () => {
    const t = uniqueId('t');
    const { start } = slot();
    const rooms: [string, string][] = [
      ['paris-bercy', 'salle-atelier-1'],
      ['paris-bercy', 'salle-atelier-2'],
      ['paris-bercy', 'espace-creatif'],
      ['toulouse', 'salle-du-lab'],
      ['toulouse', 'salle-garonne'],
      ['toulouse', 'petite-salle'],
      ['montpellier', 'salle-lez'],
      ['montpellier', 'salle-atelier'],
      ['cahors', 'salle-lot'],
      ['cahors', 'salle-de-reunion'],
    ];
    const results = await Promise.all(
      rooms.map(([siteId, roomId], i) =>
        create(
          body({
            start: shift(start, i * 5),
            end: shift(start, 90 + i * 5),
            siteId,
            roomId,
            capacity: 10,
            facilitators: [{ trainerId: t, role: 'lead' }],
          }),
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    for (const r of results.filter((x) => x.status === 409)) {
      expect((r.body as unknown as ErrorBody).error.code).toBe('trainer-unavailable');
    }
    const facilitations = await call<{ items: unknown[] }>('GET', '/me/facilitations', {
      token: await tokenFor({ userId: t, roles: ['trainer'] }),
    });
    expect(facilitations.body.items).toHaveLength(1);
  });

  it('10 concurrent overlapping creations in one room with different trainers: exactly one 201', async () => {
    const { start } = slot();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        create(
          body({
            start: shift(start, i),
            end: shift(start, 60 + i),
            siteId: 'toulouse',
            roomId: 'salle-du-lab',
            facilitators: [{ trainerId: uniqueId('t'), role: 'lead' }],
          }),
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    for (const r of results.filter((x) => x.status === 409)) {
      expect((r.body as unknown as ErrorBody).error.code).toBe('room-unavailable');
    }
  });

  it('a cancelled session blocks neither its trainer nor its room', async () => {
    const t = uniqueId('t');
    const s = await created(body({ facilitators: [{ trainerId: t, role: 'lead' }] }));
    expect((await call('POST', `/sessions/${s.id}/cancel`, { token: lab, body: {} })).status).toBe(200);
    const again = await create(
      body({
        start: s.start,
        end: s.end,
        siteId: s.siteId,
        roomId: s.roomId,
        facilitators: [{ trainerId: t, role: 'lead' }],
      }),
    );
    expect(again.status, again.text).toBe(201);
  });
});

describe('sessions: listing', () => {
  /** Five sessions of one module in a private window of a private month, across sites. */
  async function fixture(moduleId: string) {
    const base = BASE + (days + 1) * DAY;
    days += 12; // reserve the fixture's days
    const sites: [string, string][] = [
      ['paris-bercy', 'salle-atelier-2'],
      ['cahors', 'salle-lot'],
      ['cahors', 'salle-de-reunion'],
      ['montpellier', 'salle-atelier'],
      ['paris-bercy', 'espace-creatif'],
    ];
    const sessions: Session[] = [];
    for (const [i, [siteId, roomId]] of sites.entries()) {
      sessions.push(
        await created(body({ moduleId, pathId: undefined, ...at(base + (4 - i) * 2 * DAY), siteId, roomId })),
      );
    }
    return {
      sessions,
      from: new Date(base - DAY).toISOString(),
      to: new Date(base + 10 * DAY).toISOString(),
    };
  }

  it('by module, sorted by start, paginated with an opaque cursor until the last page', async () => {
    const { sessions, from, to } = await fixture('storytelling');
    const { pages, items } = await listAll({ moduleId: 'storytelling', from, to, limit: '2' });
    expectSorted(items);
    expect(items.every((s) => s.moduleId === 'storytelling')).toBe(true);
    const mine = items.filter((s) => sessions.some((x) => x.id === s.id)).map((s) => s.id);
    expect(mine).toEqual([...sessions].reverse().map((s) => s.id)); // created latest-first, listed by start
    expect(pages.every((p) => p.items.length <= 2)).toBe(true);
    expect(pages.at(-1)!.nextCursor).toBeUndefined();
    expect(pages.slice(0, -1).every((p) => typeof p.nextCursor === 'string' && p.items.length === 2)).toBe(
      true,
    );
    expect(items[0]!.startLocal).toMatch(/\+0[12]:00$/);
  });

  it('by site, with the module and status filters applied on top', async () => {
    const { sessions, from, to } = await fixture('prototypage');
    const { items } = await listAll({ site: 'cahors', from, to, limit: '1' });
    expectSorted(items);
    expect(items.every((s) => s.siteId === 'cahors')).toBe(true);
    const cahors = sessions.filter((s) => s.siteId === 'cahors').map((s) => s.id);
    expect(items.filter((s) => cahors.includes(s.id))).toHaveLength(2);

    const both = await listAll({ site: 'cahors', moduleId: 'prototypage', from, to });
    expect(
      both.items
        .filter((s) => sessions.some((x) => x.id === s.id))
        .map((s) => s.id)
        .sort(),
    ).toEqual([...cahors].sort());

    await call('POST', `/sessions/${cahors[0]}/cancel`, { token: lab, body: { reason: 'test' } });
    const cancelled = await listAll({ site: 'cahors', from, to, status: 'cancelled' });
    expect(cancelled.items.map((s) => s.id)).toContain(cahors[0]);
    expect(cancelled.items.every((s) => s.status === 'cancelled')).toBe(true);
    const scheduled = await listAll({ site: 'cahors', from, to, status: 'scheduled' });
    expect(scheduled.items.map((s) => s.id)).not.toContain(cahors[0]);
  });

  it('by period across month buckets, with page boundaries inside and between months', async () => {
    const year = new Date(BASE + days * DAY).getUTCFullYear() + 1;
    // Around a month boundary: 2 sessions at the end of March, 2 at the start of April (UTC).
    const starts = [
      `${year}-03-30T13:07:00.000Z`,
      `${year}-03-31T13:07:00.000Z`,
      `${year}-04-01T13:07:00.000Z`,
      `${year}-04-02T13:07:00.000Z`,
    ];
    const sessions: Session[] = [];
    for (const s of starts) {
      sessions.push(
        await created(
          body({
            moduleId: 'facilitation-graphique',
            start: s,
            end: shift(s, 90),
            siteId: 'montpellier',
            roomId: 'salle-lez',
          }),
        ),
      );
    }
    const from = `${year}-03-30T00:00:00.000Z`;
    const to = `${year}-04-03T00:00:00.000Z`;
    const { items, pages } = await listAll({ from, to, limit: '1' }, hrToken);
    expectSorted(items);
    expect(items.filter((s) => sessions.some((x) => x.id === s.id)).map((s) => s.id)).toEqual(
      sessions.map((s) => s.id),
    );
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(items.every((s) => s.start >= from && s.start < to)).toBe(true);

    // `to` is exclusive, `from` inclusive.
    const exact = await listAll({ from: starts[1]!, to: starts[3]! });
    const ids = exact.items.map((s) => s.id);
    expect(ids).toContain(sessions[1]!.id);
    expect(ids).toContain(sessions[2]!.id);
    expect(ids).not.toContain(sessions[0]!.id);
    expect(ids).not.toContain(sessions[3]!.id);

    // The path filter keeps sessions of that path and path-less sessions of its modules.
    const byPath = await listAll({ from, to, pathId: 'formation-action-referents' });
    expect(byPath.items.map((s) => s.id)).not.toContain(sessions[0]!.id); // pathId passinnov
  });

  it('a session without pathId is listed under every path containing its module', async () => {
    const s = await created(body({ moduleId: 'design-thinking', pathId: undefined }));
    const from = shift(s.start, -1);
    const to = shift(s.start, 1);
    for (const pathId of ['passinnov', 'formation-action-referents']) {
      const r = await listAll({ from, to, pathId });
      expect(r.items.map((x) => x.id)).toContain(s.id);
    }
    const other = await created(body({ moduleId: 'storytelling', pathId: undefined }));
    const r = await listAll({
      from: shift(other.start, -1),
      to: shift(other.start, 1),
      pathId: 'formation-action-referents',
    });
    expect(r.items.map((x) => x.id)).not.toContain(other.id);
  });

  it('defaults to the next 12 months; rejects > 24 months, inverted ranges, bad cursors, unknown parameters', async () => {
    const def = await call<List>('GET', '/sessions?limit=5', { token: learnerToken });
    expect(def.status).toBe(200);
    const now = Date.now();
    expect(def.body.items.every((s) => Date.parse(s.start) >= now - 60_000)).toBe(true);

    const tooLong = await call<ErrorBody>(
      'GET',
      '/sessions?from=2130-01-01T00:00:00Z&to=2132-01-02T00:00:00Z',
      { token: lab },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('range-too-large');
    const ok24 = await call('GET', '/sessions?from=2130-01-01T00:00:00Z&to=2132-01-01T00:00:00Z&limit=1', {
      token: lab,
    });
    expect(ok24.status).toBe(200);
    const inverted = await call<ErrorBody>(
      'GET',
      '/sessions?from=2130-02-01T00:00:00Z&to=2130-01-01T00:00:00Z',
      { token: lab },
    );
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.code).toBe('invalid-range');
    const cursor = await call<ErrorBody>('GET', '/sessions?cursor=bm90LWEtY3Vyc29y', { token: lab });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe('invalid-cursor');
    expect((await call('GET', '/sessions?from=2130-01-01', { token: lab })).status).toBe(400);
    expect((await call('GET', '/sessions?limit=0', { token: lab })).status).toBe(400);
    expect((await call('GET', '/sessions?limit=201', { token: lab })).status).toBe(400);
    expect((await call('GET', '/sessions?sort=desc', { token: lab })).status).toBe(400);
  });
});

describe('sessions: changes', () => {
  it('moving a session re-checks overlaps, updates its list positions and frees its old slot', async () => {
    const t = uniqueId('t');
    const a = await created(
      body({
        facilitators: [{ trainerId: t, role: 'lead' }],
        siteId: 'paris-bercy',
        roomId: 'salle-atelier-1',
      }),
    );
    const b = await created(
      body({ facilitators: [{ trainerId: t, role: 'lead' }], siteId: 'cahors', roomId: 'salle-lot' }),
    );

    const clash = await call<ErrorBody>('PATCH', `/sessions/${b.id}`, {
      token: lab,
      body: { start: shift(a.start, 30), end: shift(a.end, 30) },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('trainer-unavailable');
    expect(clash.body.error.details).toMatchObject({ trainerId: t, sessionId: a.id });

    // Move b 60 days later (another month bucket).
    // Another month bucket, at a time of day no other test uses.
    const target = at(Date.parse(b.start) + 60 * DAY + 180 * 60_000);
    const moved = await call<Session>('PATCH', `/sessions/${b.id}`, { token: lab, body: target });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ ...target, version: 2, siteId: 'cahors', roomId: 'salle-lot' });

    const oldWindow = await listAll({ from: shift(b.start, -1), to: shift(b.start, 1) });
    expect(oldWindow.items.map((s) => s.id)).not.toContain(b.id);
    const newWindow = await listAll({ from: shift(target.start, -1), to: shift(target.start, 1) });
    expect(newWindow.items.map((s) => s.id)).toContain(b.id);
    const bySite = await listAll({
      site: 'cahors',
      from: shift(target.start, -1),
      to: shift(target.start, 1),
    });
    expect(bySite.items.map((s) => s.id)).toContain(b.id);
    const byModule = await listAll({
      moduleId: 'design-thinking',
      from: shift(b.start, -1),
      to: shift(b.start, 1),
    });
    expect(byModule.items.map((s) => s.id)).not.toContain(b.id);

    // The old slot is free for the trainer and the room; the new one is taken.
    const reuse = await create(
      body({
        start: b.start,
        end: b.end,
        siteId: 'cahors',
        roomId: 'salle-lot',
        facilitators: [{ trainerId: t, role: 'lead' }],
      }),
    );
    expect(reuse.status, reuse.text).toBe(201);
    const taken = await call<ErrorBody>('POST', '/sessions', {
      token: lab,
      body: body({ ...target, siteId: 'cahors', roomId: 'salle-lot' }),
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('room-unavailable');
  });

  it('changing room re-checks the new room and releases the old one; a move onto itself is fine', async () => {
    const s = await created(body({ siteId: 'toulouse', roomId: 'salle-garonne' }));
    const blocker = await created(
      body({ start: s.start, end: s.end, siteId: 'toulouse', roomId: 'petite-salle' }),
    );
    const busy = await call<ErrorBody>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: { roomId: 'petite-salle' },
    });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('room-unavailable');
    expect(busy.body.error.details).toMatchObject({ sessionId: blocker.id });

    const overlapSelf = await call<Session>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: { start: shift(s.start, 15), end: shift(s.end, 15) },
    });
    expect(overlapSelf.status, overlapSelf.text).toBe(200);

    const moved = await call<Session>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: { siteId: 'montpellier', roomId: 'salle-atelier' },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ siteId: 'montpellier', roomId: 'salle-atelier', version: 3 });
    const free = await create(
      body({ start: moved.body.start, end: moved.body.end, siteId: 'toulouse', roomId: 'salle-garonne' }),
    );
    expect(free.status, free.text).toBe(201);

    const wrongSite = await call<ErrorBody>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: { siteId: 'cahors' },
    });
    expect(wrongSite.status).toBe(400);
    expect(wrongSite.body.error.code).toBe('room-not-in-site');
    const tooBig = await call<ErrorBody>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: { capacity: 15 },
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.code).toBe('capacity-exceeds-room');
  });

  it('changing facilitators books newcomers (checked) and releases those removed', async () => {
    const [t1, t2, t3] = [uniqueId('t'), uniqueId('t'), uniqueId('t')];
    const s = await created(body({ facilitators: [{ trainerId: t1, role: 'lead' }] }));
    await created(
      body({
        start: s.start,
        end: s.end,
        siteId: 'a-distance',
        roomId: 'classe-virtuelle',
        facilitators: [{ trainerId: t3, role: 'lead' }],
      }),
    );
    const busy = await call<ErrorBody>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: {
        facilitators: [
          { trainerId: t1, role: 'lead' },
          { trainerId: t3, role: 'observer' },
        ],
      },
    });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('trainer-unavailable');

    const ok = await call<Session>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: {
        facilitators: [
          { trainerId: t2, role: 'lead' },
          { trainerId: t1, role: 'co-facilitator' },
        ],
      },
    });
    expect(ok.status, ok.text).toBe(200);
    const t2Token = await tokenFor({ userId: t2, roles: ['trainer'] });
    const mine = await call<{ items: { role: string; session: Session }[] }>('GET', '/me/facilitations', {
      token: t2Token,
    });
    expect(mine.body.items.map((i) => [i.session.id, i.role])).toEqual([[s.id, 'lead']]);

    const drop = await call<Session>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: { facilitators: [{ trainerId: t2, role: 'lead' }] },
    });
    expect(drop.status).toBe(200);
    const t1Free = await create(
      body({
        start: s.start,
        end: s.end,
        siteId: 'cahors',
        roomId: 'salle-de-reunion',
        facilitators: [{ trainerId: t1, role: 'lead' }],
      }),
    );
    expect(t1Free.status, t1Free.text).toBe(201);
  });

  it('expectedVersion: 409 version-mismatch when stale, applied when current', async () => {
    const s = await created(body());
    const ok = await call<Session>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: { capacity: 10, expectedVersion: 1 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ capacity: 10, version: 2 });
    const stale = await call<ErrorBody>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: { capacity: 11, expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version-mismatch');
    expect(stale.body.error.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
  });

  it('400 on an empty or invalid patch; 404 on an unknown session', async () => {
    const s = await created(body());
    expect((await call('PATCH', `/sessions/${s.id}`, { token: lab, body: {} })).status).toBe(400);
    expect(
      (await call('PATCH', `/sessions/${s.id}`, { token: lab, body: { expectedVersion: 1 } })).status,
    ).toBe(400);
    expect(
      (await call('PATCH', `/sessions/${s.id}`, { token: lab, body: { moduleId: 'creativite' } })).status,
    ).toBe(400);
    const inverted = await call<ErrorBody>('PATCH', `/sessions/${s.id}`, {
      token: lab,
      body: { end: shift(s.start, -10) },
    });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.code).toBe('invalid-time-range');
    const missing = await call<ErrorBody>('PATCH', `/sessions/s-${'1'.repeat(26)}`, {
      token: lab,
      body: { capacity: 5 },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('session-not-found');
  });

  it('capacity cannot go below the learners already seated', async () => {
    const s = await created(body({ moduleId: 'intelligence-collective', capacity: 12 }));
    await seedEnrolment(s, uniqueId('l'), 'enrolled', 1);
    await seedEnrolment(s, uniqueId('l'), 'enrolled', 2);
    const r = await call<ErrorBody>('PATCH', `/sessions/${s.id}`, { token: lab, body: { capacity: 1 } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('capacity-below-enrolled');
    expect(r.body.error.details).toMatchObject({ enrolledCount: 2, capacity: 1 });
    const ok = await call<Session>('PATCH', `/sessions/${s.id}`, { token: lab, body: { capacity: 2 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ capacity: 2, enrolledCount: 2, seatsLeft: 0 });
  });

  it("a move keeps enrolments and re-times each active learner's enrolment and booking copy", async () => {
    const s = await created(body({ moduleId: 'intelligence-collective', capacity: 1 }));
    const learners = [uniqueId('l'), uniqueId('l')];
    await seedEnrolment(s, learners[0]!, 'enrolled', 1);
    await seedEnrolment(s, learners[1]!, 'waitlisted', 2);
    const target = at(Date.parse(s.start) + 3 * DAY + 300 * 60_000);
    const r = await call<Session>('PATCH', `/sessions/${s.id}`, { token: lab, body: target });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ enrolledCount: 1, waitlistLength: 1 });
    for (const id of learners) {
      expect(await tableItem(`user#${id}`, `booking#${s.id}`)).toMatchObject(target);
      expect(await tableItem(`session#${s.id}`, `enrolment#${id}`)).toMatchObject({
        sessionStart: target.start,
        sessionEnd: target.end,
      });
    }
    expect((await tableItem(`session#${s.id}`, 'session'))?.['bookingSyncPending']).toBeUndefined();
  });

  it('re-times more than one transaction worth of learners (batches of ≤ 100 items)', async () => {
    const s = await created(
      body({ moduleId: 'creativite', siteId: 'a-distance', roomId: 'classe-virtuelle', capacity: 30 }),
    );
    const learners = Array.from({ length: 130 }, () => uniqueId('bulk'));
    await Promise.all(
      learners.map((id, i) => seedEnrolment(s, id, i < 30 ? 'enrolled' : 'waitlisted', i + 1)),
    );
    const target = at(Date.parse(s.start) + 2 * DAY + 420 * 60_000);
    const r = await call<Session>('PATCH', `/sessions/${s.id}`, { token: lab, body: target });
    expect(r.status, r.text).toBe(200);
    const copies = await Promise.all(learners.map((id) => tableItem(`user#${id}`, `booking#${s.id}`)));
    expect(copies.every((c) => c?.['start'] === target.start && c?.['end'] === target.end)).toBe(true);
  });

  it('only scheduled sessions can change: 409 session-not-modifiable', async () => {
    const s = await created(body());
    await call('POST', `/sessions/${s.id}/cancel`, { token: lab, body: {} });
    const r = await call<ErrorBody>('PATCH', `/sessions/${s.id}`, { token: lab, body: { capacity: 5 } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('session-not-modifiable');
  });
});

describe('sessions: cancellation', () => {
  it('cancels enrolments, booking copies and the waitlist, frees trainer and room; idempotent', async () => {
    const t = uniqueId('t');
    const s = await created(
      body({
        moduleId: 'intelligence-collective',
        capacity: 1,
        facilitators: [{ trainerId: t, role: 'lead' }],
      }),
    );
    const learners = [uniqueId('l'), uniqueId('l')];
    await seedEnrolment(s, learners[0]!, 'enrolled', 1);
    await seedEnrolment(s, learners[1]!, 'waitlisted', 2);
    const r = await call<Session>('POST', `/sessions/${s.id}/cancel`, {
      token: lab,
      body: { reason: 'Formateur malade' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ status: 'cancelled', version: 2 });
    for (const id of learners) {
      expect(await tableItem(`session#${s.id}`, `enrolment#${id}`)).toMatchObject({
        status: 'session-cancelled',
      });
      expect(await tableItem(`user#${id}`, `booking#${s.id}`)).toMatchObject({ status: 'session-cancelled' });
    }
    const waitlist = await tableItem(`session#${s.id}`, `waitlist#${'0'.repeat(11)}2`);
    expect(waitlist).toBeUndefined();
    expect(await tableItem(`session#${s.id}`, 'session')).toMatchObject({
      cancelledReason: 'Formateur malade',
      status: 'cancelled',
    });
    expect(await tableItem(`trainer#${t}`, `facilitation#${s.id}`)).toBeUndefined();
    expect(await tableItem(`room#${s.siteId}#name#${s.roomId}`, `booking#${s.id}`)).toBeUndefined();

    const again = await call<Session>('POST', `/sessions/${s.id}/cancel`, { token: lab, body: {} });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(r.body);

    // Learners cannot enrol in a cancelled session.
    const late = await tokenFor({ userId: uniqueId('l'), roles: ['learner'] });
    expect((await call('POST', `/sessions/${s.id}/enrolments`, { token: late, body: {} })).status).toBe(409);
  });

  it('cancels a session with more enrolments than one transaction holds', async () => {
    const s = await created(
      body({ moduleId: 'storytelling', siteId: 'a-distance', roomId: 'classe-virtuelle', capacity: 30 }),
    );
    const learners = Array.from({ length: 90 }, () => uniqueId('bulk'));
    await Promise.all(
      learners.map((id, i) => seedEnrolment(s, id, i < 30 ? 'enrolled' : 'waitlisted', i + 1)),
    );
    const r = await call<Session>('POST', `/sessions/${s.id}/cancel`, { token: lab, body: {} });
    expect(r.status, r.text).toBe(200);
    const enrolments = await Promise.all(
      learners.map((id) => tableItem(`session#${s.id}`, `enrolment#${id}`)),
    );
    expect(enrolments.every((e) => e?.['status'] === 'session-cancelled')).toBe(true);
    const copies = await Promise.all(learners.map((id) => tableItem(`user#${id}`, `booking#${s.id}`)));
    expect(copies.every((c) => c?.['status'] === 'session-cancelled')).toBe(true);
  });

  it('a missing booking copy (not ours to create) neither blocks a move nor a cancellation', async () => {
    const s = await created(body({ moduleId: 'creativite' }));
    const [kept, orphan] = [uniqueId('l'), uniqueId('l')];
    await seedEnrolment(s, kept, 'enrolled', 1);
    await seedEnrolment(s, orphan, 'enrolled', 2);
    await tableClient().send(
      new DeleteCommand({ TableName: TABLE, Key: { pk: `user#${orphan}`, sk: `booking#${s.id}` } }),
    );
    const target = at(Date.parse(s.start) + DAY + 540 * 60_000);
    const moved = await call<Session>('PATCH', `/sessions/${s.id}`, { token: lab, body: target });
    expect(moved.status, moved.text).toBe(200);
    expect(await tableItem(`user#${kept}`, `booking#${s.id}`)).toMatchObject(target);
    expect(await tableItem(`user#${orphan}`, `booking#${s.id}`)).toBeUndefined();
    expect(await tableItem(`session#${s.id}`, `enrolment#${orphan}`)).toMatchObject({
      sessionStart: target.start,
    });

    const cancelled = await call<Session>('POST', `/sessions/${s.id}/cancel`, { token: lab, body: {} });
    expect(cancelled.status, cancelled.text).toBe(200);
    for (const id of [kept, orphan]) {
      expect(await tableItem(`session#${s.id}`, `enrolment#${id}`)).toMatchObject({
        status: 'session-cancelled',
      });
    }
    expect(await tableItem(`user#${orphan}`, `booking#${s.id}`)).toBeUndefined();
  });

  it('404 for an unknown session; the body is validated', async () => {
    expect(
      (await call('POST', `/sessions/s-${'2'.repeat(26)}/cancel`, { token: lab, body: {} })).status,
    ).toBe(404);
    const s = await created(body());
    expect((await call('POST', `/sessions/${s.id}/cancel`, { token: lab, body: { why: 'x' } })).status).toBe(
      400,
    );
  });
});

describe('sessions: Idempotency-Key', () => {
  it('same key and body → the same session; different body → 409; concurrent replays converge', async () => {
    const key = `k-${uniqueId('idem')}`;
    const b = body();
    const first = await create(b, { 'idempotency-key': key });
    expect(first.status, first.text).toBe(201);
    const replay = await create(b, { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    // Key order and offsets do not matter: the validated body is compared.
    const reordered = Object.fromEntries(Object.entries(b).reverse());
    expect((await create(reordered, { 'idempotency-key': key })).body.id).toBe(first.body.id);

    const reused = await call<ErrorBody>('POST', '/sessions', {
      token: lab,
      body: { ...b, capacity: 13 },
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency-key-reused');

    const key2 = `k-${uniqueId('idem')}`;
    const b2 = body();
    const burst = await Promise.all(Array.from({ length: 5 }, () => create(b2, { 'idempotency-key': key2 })));
    expect(burst.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
  });

  it('400 on a malformed key', async () => {
    const r = await call<ErrorBody>('POST', '/sessions', {
      token: lab,
      body: body(),
      headers: { 'idempotency-key': 'a#b' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid-idempotency-key');
  });
});

describe('GET /me/facilitations', () => {
  it("lists the trainer's sessions with their role, upcoming first then past, with an optional period", async () => {
    const t = uniqueId('t');
    const token = await tokenFor({ userId: t, roles: ['trainer', 'learner'] });
    const late = await created(body({ facilitators: [{ trainerId: t, role: 'observer' }] }));
    const soon = await created(
      body({
        ...at(Date.now() + 5 * DAY + Math.floor(Math.random() * 600) * 60_000),
        siteId: 'cahors',
        roomId: 'salle-de-reunion',
        facilitators: [{ trainerId: t, role: 'lead' }],
      }),
    );
    const past = await created(
      body({
        ...at(Date.now() - 20 * DAY + Math.floor(Math.random() * 600) * 60_000),
        siteId: 'cahors',
        roomId: 'salle-lot',
        facilitators: [{ trainerId: t, role: 'co-facilitator' }],
      }),
    );
    const older = await created(
      body({
        ...at(Date.now() - 40 * DAY + Math.floor(Math.random() * 600) * 60_000),
        siteId: 'cahors',
        roomId: 'salle-lot',
        facilitators: [{ trainerId: t, role: 'lead' }],
      }),
    );
    const other = await created(body());

    const r = await call<{ items: { role: string; session: Session }[] }>('GET', '/me/facilitations', {
      token,
    });
    expect(r.status).toBe(200);
    expect(r.body.items.map((i) => [i.session.id, i.role])).toEqual([
      [soon.id, 'lead'],
      [late.id, 'observer'],
      [past.id, 'co-facilitator'],
      [older.id, 'lead'],
    ]);
    expect(r.body.items.map((i) => i.session.id)).not.toContain(other.id);

    const q = new URLSearchParams({
      from: new Date(Date.now() - 30 * DAY).toISOString(),
      to: new Date(Date.now() + 30 * DAY).toISOString(),
    });
    const period = await call<{ items: { session: Session }[] }>('GET', `/me/facilitations?${q}`, { token });
    expect(period.body.items.map((i) => i.session.id)).toEqual([soon.id, past.id]);

    // A cancelled session leaves the trainer's agenda.
    await call('POST', `/sessions/${soon.id}/cancel`, { token: lab, body: {} });
    const after = await call<{ items: { session: Session }[] }>('GET', '/me/facilitations', { token });
    expect(after.body.items.map((i) => i.session.id)).not.toContain(soon.id);
  });

  it('is for trainers only', async () => {
    expect((await call('GET', '/me/facilitations', { token: learnerToken })).status).toBe(403);
    expect((await call('GET', '/me/facilitations', { token: lab })).status).toBe(403);
    expect((await call('GET', '/me/facilitations', { token: trainerToken })).status).toBe(200);
  });
});
