import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../packages/domain/src/content/catalog.ts';
import { call, tokenFor, uniqueId } from './support/client.ts';
import { drainStream, runFunction } from './support/local.ts';
import { tableClient } from './support/table.ts';

/**
 * The lab edits the catalogue through the API (issue #17): versions, history, stale edits, archive rules — and every
 * function sees an edit on the very next request, because they read the table, not `content/`. Each test works on
 * items of its own (unique ids), so the seeded catalogue other files rely on is never changed.
 */
type Item = Record<string, unknown> & { id: string; version: number; archived: boolean };
const TABLE = 'parcours-local';
type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type History = { items: { version: number; by: string; action: string; changes: { field: string }[] }[] };

let lab: string;
let labId: string;
let otherLab: string;
let learner: string;

const kebab = (prefix: string) =>
  uniqueId(prefix)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** A module body from a seeded one, under a new id, granting an existing competency. */
function moduleBody(id: string, overrides: Record<string, unknown> = {}) {
  const { archived: _a, ...template } = catalog().modules.find((m) => m.id === 'design-thinking')!;
  return {
    ...template,
    id,
    title: { fr: `Module ${id}`, en: `Module ${id}` },
    prerequisites: [],
    ...overrides,
  };
}

function pathBody(id: string, electives: string[], overrides: Record<string, unknown> = {}) {
  const { archived: _a, coachModuleId: _c, cohortStart: _s, ...template } = catalog().paths[0]!;
  return {
    ...template,
    id,
    title: { fr: `Parcours ${id}`, en: `Path ${id}` },
    entryModuleId: 'intelligence-collective',
    electiveModuleIds: electives,
    electivesRequired: 1,
    ...overrides,
  };
}

async function created(path: string, body: unknown, token = lab): Promise<Item> {
  const r = await call<Item>('POST', path, { token, body });
  if (r.status !== 201) throw new Error(`POST ${path}: ${r.status} ${r.text}`);
  return r.body;
}

beforeAll(async () => {
  labId = uniqueId('lab');
  [lab, otherLab, learner] = await Promise.all([
    tokenFor({ userId: labId, roles: ['lab'] }),
    tokenFor({ userId: uniqueId('lab2'), roles: ['lab'] }),
    tokenFor({ userId: uniqueId('learner'), roles: ['learner'] }),
  ]);
});

describe('catalogue edits', () => {
  it('creates a module at version 1; only the lab may, and an id is taken once', async () => {
    const id = kebab('m');
    expect((await call('POST', '/modules', { token: learner, body: moduleBody(id) })).status).toBe(403);
    expect((await call('POST', '/modules', { body: moduleBody(id) })).status).toBe(401);
    const m = await created('/modules', moduleBody(id));
    expect(m).toMatchObject({ id, version: 1, archived: false, updatedBy: labId });
    const again = await call<ErrorBody>('POST', '/modules', { token: lab, body: moduleBody(id) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('catalog-id-taken');
    // Public read, as learners browse it.
    expect((await call<Item>('GET', `/modules/${id}`)).body.title).toEqual({
      fr: `Module ${id}`,
      en: `Module ${id}`,
    });
  });

  it('a stale edit by a second lab member gets 409 stale-version saying who saved; history keeps both', async () => {
    const id = kebab('m');
    const loaded = await created('/modules', moduleBody(id));
    const first = await call<Item>('PUT', `/modules/${id}`, {
      token: lab,
      body: {
        ...moduleBody(id),
        summary: { fr: 'Résumé revu', en: 'Revised summary' },
        version: loaded.version,
      },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);

    const stale = await call<ErrorBody>('PUT', `/modules/${id}`, {
      token: otherLab,
      body: { ...moduleBody(id), durationMinutes: 120, practiceMinutes: 90, version: loaded.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-version');
    expect(stale.body.error.details).toMatchObject({ version: 2, updatedBy: labId });
    // Nothing of the stale edit landed.
    expect((await call<Item>('GET', `/modules/${id}`)).body).toMatchObject({
      version: 2,
      durationMinutes: 90,
    });

    const history = await call<History>('GET', `/modules/${id}/history`, { token: lab });
    expect(history.body.items.map((h) => [h.version, h.action])).toEqual([
      [2, 'updated'],
      [1, 'created'],
    ]);
    expect(history.body.items[0]!.changes.map((c) => c.field)).toEqual(['summary']);
    expect((await call('GET', `/modules/${id}/history`, { token: learner })).status).toBe(403);

    // The audit log (derived from the stream) names who changed the module and which fields.
    await drainStream();
    type Audit = {
      items: { entity: string; entityId: string; actor: string; action: string; changed: string[] }[];
    };
    const month = new Date().toISOString().slice(0, 7);
    const entries = await call<Audit>('GET', `/audit?month=${month}&limit=500`, { token: lab });
    const mine = entries.body.items.filter((e) => e.entity === 'module' && e.entityId === id);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'created', actor: labId }),
        expect.objectContaining({
          action: 'updated',
          actor: labId,
          changed: expect.arrayContaining(['data.summary']),
        }),
      ]),
    );
  });

  it('refuses a path that references an unknown module, on the field concerned', async () => {
    const r = await call<ErrorBody>('POST', '/paths', {
      token: lab,
      body: pathBody(kebab('p'), ['no-such-module']),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('catalog-invalid');
    expect(r.body.error.details).toEqual([
      { path: 'electiveModuleIds', message: "unknown module 'no-such-module'" },
    ]);
  });

  it('archives: not while a live path offers the module; an archived module is not scheduled, booked or put in a path', async () => {
    const moduleId = kebab('m');
    const pathId = kebab('p');
    const m = await created('/modules', moduleBody(moduleId));
    const p = await created('/paths', pathBody(pathId, [moduleId]));

    const blocked = await call<ErrorBody>('POST', `/modules/${moduleId}/archive`, {
      token: lab,
      body: { version: m.version },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error).toMatchObject({ code: 'module-in-path', details: { pathIds: [pathId] } });

    const archivedPath = await call<Item>('POST', `/paths/${pathId}/archive`, {
      token: lab,
      body: { version: p.version },
    });
    expect(archivedPath.body).toMatchObject({ archived: true, version: 2 });
    const archived = await call<Item>('POST', `/modules/${moduleId}/archive`, {
      token: lab,
      body: { version: 1 },
    });
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);

    // A path cannot take it back in…
    const restorePath = await call<ErrorBody>('POST', `/paths/${pathId}/restore`, {
      token: lab,
      body: { version: 2 },
    });
    expect(restorePath.status).toBe(400);
    expect(restorePath.body.error.code).toBe('catalog-invalid');
    // …and the sessions function refuses to schedule it, on the module field.
    const session = await call<ErrorBody>('POST', '/sessions', {
      token: lab,
      body: {
        moduleId,
        start: '2131-03-04T09:00:00.000Z',
        end: '2131-03-04T10:30:00.000Z',
        siteId: 'toulouse',
        roomId: 'salle-garonne',
        capacity: 10,
      },
    });
    expect(session.status).toBe(409);
    expect(session.body.error).toMatchObject({ code: 'module-archived', details: { field: 'moduleId' } });
    // Listed, flagged, for history and reports.
    const list = await call<{ items: Item[] }>('GET', '/modules');
    expect(list.body.items.find((x) => x.id === moduleId)?.archived).toBe(true);
  });

  it('deletes only what nothing uses: a scheduled module is archived instead; a booked one is refused once archived', async () => {
    const moduleId = kebab('m');
    const siteId = kebab('s');
    await created('/modules', moduleBody(moduleId));
    await created('/sites', {
      id: siteId,
      name: `Site ${siteId}`,
      city: 'Lyon',
      address: '1 rue de la République, 69001 Lyon',
      accessibility: 'Ascenseur, boucle magnétique',
      rooms: [{ id: 'salle-1', name: 'Salle 1', capacity: 12 }],
    });
    const session = await call<{ id: string }>('POST', '/sessions', {
      token: lab,
      body: {
        moduleId,
        start: '2132-05-06T09:00:00.000Z',
        end: '2132-05-06T10:30:00.000Z',
        siteId,
        roomId: 'salle-1',
        capacity: 10,
      },
    });
    expect(session.status).toBe(201);

    for (const [path, code] of [
      [`/modules/${moduleId}?version=1`, 'catalog-item-in-use'],
      [`/sites/${siteId}?version=1`, 'catalog-item-in-use'],
    ] as const) {
      const r = await call<ErrorBody>('DELETE', path, { token: lab });
      expect(r.status, path).toBe(409);
      expect(r.body.error.code).toBe(code);
    }
    expect(
      (await call('POST', `/modules/${moduleId}/archive`, { token: lab, body: { version: 1 } })).status,
    ).toBe(200);
    const booking = await call<ErrorBody>('POST', `/sessions/${session.body.id}/enrolments`, {
      token: learner,
      body: {},
    });
    expect(booking.status).toBe(409);
    expect(booking.body.error.code).toBe('module-archived');
  });

  it('deletes an unused item, its history saying who; a competency a module grants is in use', async () => {
    const competencyId = kebab('c');
    const { archived: _a, ...competency } = catalog().competencies[0]!;
    await created('/competencies', { ...competency, id: competencyId });
    const moduleId = kebab('m');
    await created('/modules', moduleBody(moduleId, { competencies: [{ competencyId, level: 'discover' }] }));
    const inUse = await call<ErrorBody>('DELETE', `/competencies/${competencyId}?version=1`, { token: lab });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('catalog-item-in-use');

    expect((await call('DELETE', `/modules/${moduleId}?version=1`, { token: lab })).status).toBe(204);
    expect((await call('GET', `/modules/${moduleId}`)).status).toBe(404);
    expect((await call('DELETE', `/competencies/${competencyId}?version=1`, { token: lab })).status).toBe(
      204,
    );
    const history = await call<History>('GET', `/modules/${moduleId}/history`, { token: lab });
    expect(history.body.items[0]).toMatchObject({ version: 2, action: 'deleted', by: labId });
  });
});

describe('what uses an item keeps it', () => {
  it('a deleted id created again continues its versions and its history', async () => {
    const id = kebab('m');
    await created('/modules', moduleBody(id));
    expect((await call('DELETE', `/modules/${id}?version=1`, { token: lab })).status).toBe(204);
    const again = await created('/modules', moduleBody(id));
    expect(again.version).toBe(3);
    const history = await call<History>('GET', `/modules/${id}/history`, { token: lab });
    expect(history.body.items.map((h) => [h.version, h.action])).toEqual([
      [3, 'created'],
      [2, 'deleted'],
      [1, 'created'],
    ]);
  });

  it('a session cannot move to an archived site; a path archived is joined by nobody new', async () => {
    const siteId = kebab('s');
    const site = await created('/sites', {
      id: siteId,
      name: `Site ${siteId}`,
      city: 'Albi',
      rooms: [{ id: 'salle-1', name: 'Salle 1', capacity: 12 }],
    });
    await call('POST', `/sites/${siteId}/archive`, { token: lab, body: { version: site.version } });
    const session = await call<{ id: string; version: number }>('POST', '/sessions', {
      token: lab,
      body: {
        moduleId: 'design-thinking',
        start: '2134-09-10T09:00:00.000Z',
        end: '2134-09-10T10:30:00.000Z',
        siteId: 'toulouse',
        roomId: 'salle-garonne',
        capacity: 10,
      },
    });
    expect(session.status, session.text).toBe(201);
    const moved = await call<ErrorBody>('PATCH', `/sessions/${session.body.id}`, {
      token: lab,
      body: { siteId, roomId: 'salle-1', expectedVersion: session.body.version },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toMatchObject({ code: 'site-archived', details: { field: 'siteId' } });

    const pathId = kebab('p');
    const moduleId = kebab('m');
    await created('/modules', moduleBody(moduleId));
    const path = await created('/paths', pathBody(pathId, [moduleId]));
    await call('POST', `/paths/${pathId}/archive`, { token: lab, body: { version: path.version } });
    const joined = await call<ErrorBody>('POST', `/me/paths/${pathId}`, { token: learner });
    expect(joined.status).toBe(409);
    expect(joined.body.error.code).toBe('path-archived');
  });
});

describe('archive and edit rules that protect what runs', () => {
  it('a module another live module requires is not archived; a room with sessions to come stays', async () => {
    const base = kebab('m');
    const dependent = kebab('m');
    const b = await created('/modules', moduleBody(base));
    await created('/modules', moduleBody(dependent, { prerequisites: [base] }));
    const archive = await call<ErrorBody>('POST', `/modules/${base}/archive`, {
      token: lab,
      body: { version: b.version },
    });
    expect(archive.status).toBe(409);
    expect(archive.body.error).toMatchObject({
      code: 'module-is-prerequisite',
      details: { moduleIds: [dependent] },
    });

    const siteId = kebab('s');
    const rooms = [
      { id: 'salle-1', name: 'Salle 1', capacity: 12 },
      { id: 'salle-2', name: 'Salle 2', capacity: 12 },
    ];
    const site = await created('/sites', { id: siteId, name: `Site ${siteId}`, city: 'Rodez', rooms });
    const session = await call('POST', '/sessions', {
      token: lab,
      body: {
        moduleId: 'design-thinking',
        start: '2135-01-08T09:00:00.000Z',
        end: '2135-01-08T10:30:00.000Z',
        siteId,
        roomId: 'salle-2',
        capacity: 10,
      },
    });
    expect(session.status, session.text).toBe(201);
    const body = { id: siteId, name: `Site ${siteId}`, city: 'Rodez', version: site.version };
    const dropBooked = await call<ErrorBody>('PUT', `/sites/${siteId}`, {
      token: lab,
      body: { ...body, rooms: [rooms[0]] },
    });
    expect(dropBooked.status).toBe(409);
    expect(dropBooked.body.error).toMatchObject({ code: 'room-in-use', details: { roomId: 'salle-2' } });
    const dropFree = await call<Item>('PUT', `/sites/${siteId}`, {
      token: lab,
      body: { ...body, rooms: [rooms[1]] },
    });
    expect(dropFree.status, dropFree.text).toBe(200);
  });

  it("a session's list names its learners for the lab", async () => {
    const name = `Zoé Lemaire ${uniqueId('n')}`;
    const userId = uniqueId('zoe');
    const zoe = await tokenFor({ userId, roles: ['learner'], name });
    await call('GET', '/me/profile', { token: zoe });
    const session = await call<{ id: string }>('POST', '/sessions', {
      token: lab,
      body: {
        moduleId: 'intelligence-collective',
        start: '2136-02-09T09:00:00.000Z',
        end: '2136-02-09T10:30:00.000Z',
        siteId: 'toulouse',
        roomId: 'salle-garonne',
        capacity: 10,
      },
    });
    expect(
      (await call('POST', `/sessions/${session.body.id}/enrolments`, { token: zoe, body: {} })).status,
    ).toBe(201);
    const list = await call<{ items: { learnerId: string; learnerName?: string }[] }>(
      'GET',
      `/sessions/${session.body.id}/enrolments`,
      { token: lab },
    );
    expect(list.body.items).toEqual([expect.objectContaining({ learnerId: userId, learnerName: name })]);
  });
});

describe('one source of truth: every function reads the edited catalogue at once', () => {
  it('a new module and path, then a prerequisite change, are seen by the sessions function on the next request', async () => {
    const moduleId = kebab('m');
    const pathId = kebab('p');
    await created('/modules', moduleBody(moduleId));
    await created('/paths', pathBody(pathId, [moduleId]));
    const me = await tokenFor({ userId: uniqueId('newcomer'), roles: ['learner'] });

    // The sessions function knows the path created a moment ago (content/ has no such path).
    const joined = await call<{ pathId: string }>('POST', `/me/paths/${pathId}`, { token: me });
    expect(joined.status).toBe(200);
    const progress = await call('GET', '/me/progress', { token: me });
    expect(progress.status).toBe(200);
    expect(progress.text).toContain(pathId);
    expect(progress.text).toContain(moduleId);

    // A module made a prerequisite through the API is enforced by the enrolment rules right away.
    const prerequisite = kebab('m');
    await created('/modules', moduleBody(prerequisite));
    const current = await call<Item>('GET', `/modules/${moduleId}`);
    const edited = await call<Item>('PUT', `/modules/${moduleId}`, {
      token: lab,
      body: { ...moduleBody(moduleId), prerequisites: [prerequisite], version: current.body.version },
    });
    expect(edited.status).toBe(200);
    const session = await call<{ id: string }>('POST', '/sessions', {
      token: lab,
      body: {
        moduleId,
        start: '2133-07-08T09:00:00.000Z',
        end: '2133-07-08T10:30:00.000Z',
        siteId: 'toulouse',
        roomId: 'salle-garonne',
        capacity: 10,
      },
    });
    expect(session.status).toBe(201);
    const booking = await call<ErrorBody>('POST', `/sessions/${session.body.id}/enrolments`, {
      token: me,
      body: {},
    });
    expect(booking.status).toBe(409);
    expect(booking.body.error).toMatchObject({ code: 'prerequisite-missing', details: { prerequisite } });
  });
});

describe('the seed (run by each deployment)', () => {
  it('is idempotent and never writes over what the lab changed', async () => {
    const before = await call<Item>('GET', '/modules/storytelling');
    const summary = { fr: `Résumé du lab ${uniqueId('s')}`, en: 'Lab summary' };
    const edited = await call<Item>('PUT', '/modules/storytelling', {
      token: lab,
      body: { ...stripMeta(before.body), summary, version: before.body.version },
    });
    expect(edited.status, edited.text).toBe(200);

    const seeded = await runFunction<{ catalogAlreadySeeded: boolean; catalogInserted: number }>('seed');
    expect(seeded).toMatchObject({ catalogAlreadySeeded: true, catalogInserted: 0, settingsInserted: 0 });
    const after = await call<Item>('GET', '/modules/storytelling');
    expect(after.body).toMatchObject({ summary, version: edited.body.version });

    // Put the seeded words back (other files read this module; none reads its summary).
    await call('PUT', '/modules/storytelling', {
      token: lab,
      body: { ...stripMeta(before.body), version: after.body.version },
    });
  });
});

describe("the seed brings a release's settings", () => {
  const key = { pk: 'catalog', sk: 'settings#reports' };
  type Stored = { data: { exports: { retentionDays: number } }; updatedBy: string; version?: number };
  const read = async () =>
    (await tableClient().send(new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true })))
      .Item as Stored;
  const write = (item: Stored) =>
    tableClient().send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...key, entity: 'programme-settings', id: 'reports', ...item },
      }),
    );

  it('updates a settings document nobody but the seed wrote; leaves one someone changed', async () => {
    const seeded = await read();
    const days = seeded.data.exports.retentionDays;
    // An older release's value, still the seed's: brought up to content/.
    await write({
      ...seeded,
      data: { ...seeded.data, exports: { ...seeded.data.exports, retentionDays: days + 1 } },
    });
    const updated = await runFunction<{ settingsUpdated: string[] }>('seed');
    expect(updated.settingsUpdated).toEqual(['reports']);
    expect((await read()).data.exports.retentionDays).toBe(days);

    // Someone else's change: kept.
    const current = await read();
    const theirs = {
      ...current,
      updatedBy: 'lea-dubois',
      data: { ...current.data, exports: { ...current.data.exports, retentionDays: days + 2 } },
    };
    await write(theirs);
    const kept = await runFunction<{ settingsUpdated: string[] }>('seed');
    expect(kept.settingsUpdated).toEqual([]);
    expect((await read()).data.exports.retentionDays).toBe(days + 2);
    await write({ ...current, updatedBy: 'seed' });
  });
});

function stripMeta(item: Item) {
  const { version: _v, updatedAt: _a, updatedBy: _b, archived: _c, ...content } = item;
  return content;
}
