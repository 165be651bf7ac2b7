import { nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { invalid } from '@parcours/domain/errors';
import { moduleStatus, pathProgress } from '@parcours/domain/lms/progress';
import { readLearnerState } from '@parcours/store';
import { api } from '../api.ts';
import { toLearnerFacts } from '../learner-facts.ts';
import { bookableSessions } from '../session-finder.ts';

/**
 * The next sessions for exactly the modules the learner still needs: the entry module first; electives only once
 * the entry module is completed or booked (then only sessions starting after that booked entry session ends).
 */
export const handler = api('me-sessions-suggested', async ({ principal, query }) => {
  const now = nowIso();
  const state = await readLearnerState(principal.userId);
  const facts = toLearnerFacts(state);
  const all = catalog().paths;
  if (query.pathId && !all.some((p) => p.id === query.pathId))
    throw invalid('unknown-path', `Unknown path '${query.pathId}'`);
  const joined = new Set(state.paths.map((p) => p.pathId));
  const paths = all.filter((p) =>
    query.pathId ? p.id === query.pathId : joined.size === 0 || joined.has(p.id),
  );
  const from = query.from && query.from > now ? query.from : now;
  const maxWaitlist = query.maxWaitlist ?? 3;

  const wanted = new Map<string, { reason: 'entry-module' | 'elective'; after: string }>();
  for (const p of paths) {
    const prog = pathProgress(p, facts);
    const entry = moduleStatus(facts, p.entryModuleId);
    if (entry === 'not-started') {
      wanted.set(p.entryModuleId, { reason: 'entry-module', after: from });
      continue;
    }
    if (prog.remaining.electivesStillNeeded === 0 || entry === 'waitlisted') continue;
    const entrySeat = state.bookings.find((b) => b.moduleId === p.entryModuleId && b.status === 'enrolled');
    const after = entry === 'completed' || !entrySeat || entrySeat.end <= from ? from : entrySeat.end;
    for (const m of prog.remaining.electiveOptions)
      if (!wanted.has(m)) wanted.set(m, { reason: 'elective', after });
  }

  const items = await Promise.all(
    [...wanted].map(async ([moduleId, w]) => ({
      moduleId,
      reason: w.reason,
      sessions: await bookableSessions({
        moduleId,
        from: w.after,
        to: query.to,
        site: query.site,
        maxWaitlist,
        bookings: state.bookings,
        limit: 3,
        now,
      }),
    })),
  );
  items.sort((a, b) =>
    a.reason === b.reason
      ? (a.sessions[0]?.start ?? '~').localeCompare(b.sessions[0]?.start ?? '~')
      : a.reason === 'entry-module'
        ? -1
        : 1,
  );
  return { body: { items } };
});
