import { DEMO_USERS } from './demo-users.ts';
import type { LocalIdentity } from './local-identity.ts';

/**
 * The learners of the demo: agents of several services (most in the services of the demo HR user) who join
 * PassInnov now — after its cohort started, so each is a newcomer and gets a catch-up e-mail — and book the entry
 * module in the coming weeks, a few an elective after it. Everything goes through the API with each agent's own
 * token, so the HR reports, notifications (confirmations with their calendar invitation, waitlist notices) and
 * xAPI statements come from the real paths. Run once, on a fresh database, after the sessions exist.
 */

const AGENTS: [string, string][] = [
  ['Camille Martin', 'drfip'],
  ['Inès Garnier', 'drfip'],
  ['Karim Benali', 'drfip'],
  ['Hélène Roussel', 'drfip'],
  ['Olivier Marchand', 'drfip'],
  ['Zoé Lambert', 'drfip'],
  ['Aïcha Diallo', 'ars'],
  ['Mathieu Perrin', 'ars'],
  ['Élodie Fournier', 'ars'],
  ['Yanis Morel', 'ars'],
  ['Lucie Faure', 'ars'],
  ['Bruno Lemaire', 'dreal'],
  ['Margaux Henry', 'dreal'],
  ['Samuel Joly', 'dreal'],
  ['Juliette Colin', 'dreal'],
  ['Arthur Blanchard', 'dreal'],
  ['Fatima Haddad', 'prefecture-occitanie'],
  ['Nicolas Barbier', 'prefecture-occitanie'],
  ['Agathe Meunier', 'rectorat'],
  ['Théo Gauthier', 'rectorat'],
  ['Sophie Brunet', 'drac'],
  ['Raphaël Dumas', 'direccte'],
  ['Louise Chevalier', 'draaf'],
  ['Gabriel Roche', 'ddi'],
];

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');

interface UpcomingSession {
  id: string;
  moduleId: string;
  start: string;
  end: string;
}

export async function loadDemoLearners(
  apiUrl: string,
  tokens: LocalIdentity,
  opts: { now?: Date; log?: (message: string) => void } = {},
): Promise<{ learners: number; enrolments: number }> {
  const now = (opts.now ?? new Date()).toISOString();
  const lab = await tokens.tokenFor(DEMO_USERS.lab);
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const r = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, body: (await r.json().catch(() => ({}))) as Record<string, unknown> };
  };
  const upcoming = async (moduleId: string): Promise<UpcomingSession[]> => {
    const q = new URLSearchParams({ moduleId, from: now, status: 'scheduled', limit: '20' });
    const r = await call('GET', `/sessions?${q}`, lab);
    return ((r.body['items'] as UpcomingSession[] | undefined) ?? []).filter((s) => s.start > now);
  };

  const path = (await call('GET', '/paths/passinnov', lab)).body as {
    id: string;
    entryModuleId: string;
    electiveModuleIds: string[];
  };
  const entrySessions = (await upcoming(path.entryModuleId)).slice(0, 4);
  if (entrySessions.length === 0) return { learners: 0, enrolments: 0 };
  const electives = await Promise.all(path.electiveModuleIds.slice(0, 3).map(upcoming));

  let enrolments = 0;
  for (const [i, [name, service]] of AGENTS.entries()) {
    const demo = i === 0 ? DEMO_USERS.learner : undefined;
    const userId = demo?.userId ?? slug(name);
    const token = await tokens.tokenFor(
      demo ?? {
        userId,
        roles: ['learner'],
        email: `${slug(name).replace(/-/g, '.')}@${service}.example.gouv.fr`,
        service,
        name,
        locale: i % 7 === 3 ? 'en' : 'fr',
      },
    );
    // First use: the profile (address, display name, language) comes from the token, as on a real sign-in.
    await call('GET', '/me/profile', token);
    await call('POST', `/me/paths/${path.id}`, token);
    // Most book the entry module (the first sessions fill up: the last ones wait), a few have not booked yet.
    if (i % 6 === 5) continue;
    const entry = entrySessions[i % entrySessions.length]!;
    if ((await call('POST', `/sessions/${entry.id}/enrolments`, token, {})).status === 201) enrolments++;
    // A third also book an elective after it (the rules allow it once the entry module is booked before).
    if (i % 3 === 0) {
      const options = electives[i % electives.length]!.filter((s) => s.start > entry.end);
      const elective = options[i % Math.max(1, options.length)];
      if (elective && (await call('POST', `/sessions/${elective.id}/enrolments`, token, {})).status === 201)
        enrolments++;
    }
  }
  opts.log?.(
    `Apprenants de démonstration : ${AGENTS.length} agents, ${enrolments} inscription(s) via l'API.`,
  );
  return { learners: AGENTS.length, enrolments };
}
