import { inject } from 'vitest';
import { call } from './client.ts';

/**
 * Drives the local stack from tests through its local-only routes (`POST /_local/…`, registered by the HTTP
 * adapter only when `localRoutes` is on; they are not in the route table, so never deployed).
 */
export async function runFunction<T = unknown>(name: string, event: unknown = {}): Promise<T> {
  const r = await call<T>('POST', `/_local/run/${name}`, { body: event });
  if (r.status !== 200) throw new Error(`run ${name} failed: ${r.status} ${r.text}`);
  return r.body;
}

/** Resolves once the stream consumer has processed everything written so far. */
export async function drainStream(): Promise<void> {
  const r = await call('POST', '/_local/stream/drain');
  if (r.status !== 200) throw new Error(`drain failed: ${r.status} ${r.text}`);
}

export async function stopSes(): Promise<void> {
  await call('POST', '/_local/ses/stop');
}

export async function startSes(): Promise<void> {
  await call('POST', '/_local/ses/start');
}

/** What the SES sink stored (v2 SendEmail with raw content, parsed by the sink with mailparser). */
export interface SinkEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { contentType: string; filename?: string; content: string; method?: string }[];
  at: number;
}

export async function sinkEmails(since?: number): Promise<SinkEmail[]> {
  const res = await fetch(`${inject('sesUrl')}/store${since !== undefined ? `?since=${since}` : ''}`);
  if (!res.ok) throw new Error(`SES sink /store: ${res.status}`);
  const body = (await res.json()) as { emails: SinkEmail[] };
  return body.emails;
}

/** The mails the sink received for one address. */
export async function mailFor(email: string): Promise<SinkEmail[]> {
  return (await sinkEmails()).filter((m) =>
    m.destination.to.some((t) => t.includes(`<${email}>`) || t === email),
  );
}

/**
 * The one way tests wait for an asynchronous effect (stream → projection → tick → SES sink): drain the stream, read,
 * and poll until `done` holds or the deadline passes. On timeout it returns the last value read, so the test's own
 * assertion shows what was there. Never a fixed sleep: the interval only spaces the reads.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  opts: { timeoutMs?: number; intervalMs?: number; drain?: boolean } = {},
): Promise<T> {
  const until = Date.now() + (opts.timeoutMs ?? 45_000);
  for (;;) {
    if (opts.drain !== false) await drainStream();
    const v = await read();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 200));
  }
}
