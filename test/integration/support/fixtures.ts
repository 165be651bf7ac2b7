import { call, tokenFor, uniqueId } from './client.ts';

let labToken: string | undefined;
export async function lab(): Promise<string> {
  labToken ??= await tokenFor({ userId: 'fixture-lab', roles: ['lab'] });
  return labToken;
}

export async function learner(prefix = 'learner'): Promise<{ id: string; token: string }> {
  const id = uniqueId(prefix);
  return { id, token: await tokenFor({ userId: id, roles: ['learner'], service: 'drfip' }) };
}

let slot = 0;
/**
 * A session created through the real API, far enough in the future and in a private time slot so that tests never
 * collide on trainer/room/learner overlaps (each call gets its own day, from a per-process base date).
 */
export async function createSession(
  overrides: Record<string, unknown> = {},
  opts: { daysFromNow?: number; durationMinutes?: number } = {},
): Promise<{ id: string; start: string; end: string; moduleId: string } & Record<string, unknown>> {
  slot += 1;
  const base = Date.UTC(2027, 0, 4, 8, 30) + ((process.pid % 50) * 400 + slot) * 86_400_000;
  const startMs = opts.daysFromNow !== undefined ? Date.now() + opts.daysFromNow * 86_400_000 : base;
  const start = new Date(startMs).toISOString();
  const end = new Date(startMs + (opts.durationMinutes ?? 90) * 60_000).toISOString();
  const r = await call<{ id: string; start: string; end: string; moduleId: string }>('POST', '/sessions', {
    token: await lab(),
    body: {
      moduleId: 'intelligence-collective',
      pathId: 'passinnov',
      start,
      end,
      siteId: 'a-distance',
      roomId: 'classe-virtuelle',
      capacity: 20,
      facilitators: [],
      ...overrides,
    },
  });
  if (r.status !== 201) throw new Error(`createSession failed: ${r.status} ${r.text}`);
  return r.body as { id: string; start: string; end: string; moduleId: string } & Record<string, unknown>;
}
