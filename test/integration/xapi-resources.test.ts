import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agent, lrs, postAndWait, statement } from './support/lrs.ts';

/** xAPI 1.0.3 Communication 2.8 About, 2.4 Agents, 2.5 Activities. */

describe('Communication 2.8 About', () => {
  it('2.8.s5.b1-b3: unauthenticated GET returns the versions, 1.0.3 included, and nothing else outside extensions', async () => {
    const r = await lrs<{ version: string[] }>('GET', '/about', { creds: null });
    expect(r.status).toBe(200);
    expect(r.body.version).toContain('1.0.3');
    expect(Object.keys(r.body).filter((k) => k !== 'extensions')).toEqual(['version']);
  });
});

describe('Communication 2.4 Agents', () => {
  it("2.4.s3.b3: returns a Person object with the requested Agent's information, in arrays", async () => {
    const a = agent('Ada');
    const r = await lrs<Record<string, unknown>>('GET', '/agents', { query: { agent: JSON.stringify(a) } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ objectType: 'Person', name: ['Ada'], mbox: [a.mbox] });
    expect(r.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
  });

  it('2.4.s2: the agent parameter is required and validated (400)', async () => {
    expect((await lrs('GET', '/agents')).status).toBe(400);
    expect((await lrs('GET', '/agents', { query: { agent: '{"name":"no ifi"}' } })).status).toBe(400);
  });
});

describe('Communication 2.5 Activities', () => {
  it('2.5.s1: returns the canonical definition, merged across Statements of credentials allowed to define', async () => {
    const id = `http://example.org/activities/${randomUUID()}`;
    await postAndWait([
      statement({
        object: {
          id,
          definition: { name: { 'en-US': 'Course' }, type: 'http://adlnet.gov/expapi/activities/course' },
        },
      }),
    ]);
    await postAndWait([statement({ object: { id, definition: { name: { 'fr-FR': 'Cours' } } } })]);
    const r = await lrs<Record<string, unknown>>('GET', '/activities', { query: { activityId: id } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      objectType: 'Activity',
      id,
      definition: {
        name: { 'en-US': 'Course', 'fr-FR': 'Cours' },
        type: 'http://adlnet.gov/expapi/activities/course',
      },
    });
  });

  it('2.5.s2.b1: an unknown Activity still returns an Activity Object', async () => {
    const id = `http://example.org/activities/${randomUUID()}`;
    expect((await lrs('GET', '/activities', { query: { activityId: id } })).body).toEqual({
      objectType: 'Activity',
      id,
    });
  });

  it('2.5.s1: activityId is required and must be an IRI (400)', async () => {
    expect((await lrs('GET', '/activities')).status).toBe(400);
    expect((await lrs('GET', '/activities', { query: { activityId: 'not an iri' } })).status).toBe(400);
  });
});
