import { describe, expect, it } from 'vitest';
import { call } from './support/client.ts';
import { createSession, learner } from './support/fixtures.ts';
import { lrs, waitConsistent } from './support/lrs.ts';

/** Statements the LMS core emits go through the LRS's write path and are queryable like any other (issue 4). */

interface Result {
  statements: {
    id: string;
    verb: { id: string };
    actor: { account: { name: string } };
    authority: { account: { name: string } };
  }[];
}

describe('LMS Statements in the LRS', () => {
  it('an enrolment and its cancellation become registered/unregistered Statements under the enrolment registration', async () => {
    const session = await createSession();
    const me = await learner();
    const enrol = await call<{ id: string }>('POST', `/sessions/${session.id}/enrolments`, {
      token: me.token,
      body: {},
    });
    expect(enrol.status, enrol.text).toBe(201);
    const cancel = await call('POST', `/enrolments/${enrol.body.id}/cancel`, { token: me.token, body: {} });
    expect(cancel.status, cancel.text).toBe(200);
    await waitConsistent(new Date().toISOString());
    const r = await lrs<Result>('GET', '/statements', {
      query: { registration: enrol.body.id, ascending: 'true' },
    });
    expect(r.body.statements.map((s) => s.verb.id)).toEqual([
      'http://adlnet.gov/expapi/verbs/registered',
      'http://id.tincanapi.com/verb/unregistered',
    ]);
    expect(r.body.statements[0]!.actor.account.name).toBe(me.id);
    expect(r.body.statements[0]!.authority.account.name).toBe('system');
  });
});
