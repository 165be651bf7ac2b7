import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import type { TickResult } from '../../../functions/reminders/deliver.ts';
import { call, tokenFor, uniqueId } from './client.ts';
import { drainStream, runFunction } from './local.ts';
import { tableClient } from './table.ts';

/** Helpers of the notification tests: people with an address, ticks with an injected clock, records read back. */

export type Person = { id: string; token: string; email: string; name: string };
export type Notification = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  dueAt: string;
  sesMessageId?: string;
  cancelReason?: string;
  failureReason?: string;
  lastError?: string;
  sessionStart: string;
};

export const H = 3_600_000;
export const D = 24 * H;
export const at = (iso: string, deltaMs: number) => new Date(new Date(iso).getTime() + deltaMs).toISOString();

export async function person(
  opts: { locale?: 'fr' | 'en'; name?: string; roles?: ('learner' | 'trainer')[]; email?: boolean } = {},
): Promise<Person> {
  const id = uniqueId('notif');
  const email = `${id}@agents.example.gouv.fr`;
  const name = opts.name ?? 'Léa Dubois';
  const token = await tokenFor({
    userId: id,
    roles: opts.roles ?? ['learner'],
    ...(opts.email === false ? {} : { email }),
    name,
    locale: opts.locale ?? 'fr',
    service: 'drfip',
  });
  // Creates the profile (address, name, language) from the token's claims.
  const r = await call('GET', '/me/profile', { token });
  expect(r.status).toBe(200);
  return { id, token, email, name };
}

export async function enrol(p: Person, sessionId: string) {
  const r = await call<{ id: string; status: string }>('POST', `/sessions/${sessionId}/enrolments`, {
    token: p.token,
    body: {},
  });
  expect(r.status).toBe(201);
  return r.body;
}

export async function tick(now?: string): Promise<TickResult> {
  return runFunction<TickResult>('reminders', now ? { now } : {});
}

/** Runs ticks until one finds nothing left to claim (other test files' records may be due too). */
export async function tickUntilIdle(now?: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const r = await tick(now);
    if (r.claimed === 0 && !r.outage) return;
  }
  throw new Error('ticks never went idle');
}

export async function settle(now?: string) {
  await drainStream();
  await tickUntilIdle(now);
}

export async function notificationsOf(enrolmentId: string): Promise<Notification[]> {
  const r = await tableClient().send(
    new QueryCommand({
      TableName: 'parcours-local',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `enrolment#${enrolmentId}#notifications#all` },
      ConsistentRead: true,
    }),
  );
  return (r.Items ?? []) as Notification[];
}
