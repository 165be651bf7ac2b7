import type { Catalog } from '../content/schemas.ts';
import { formatLocal } from '../lms/time.ts';
import type { Locale } from '../roles.ts';

/**
 * The catch-up plan of one path as plain text lines for the newcomer e-mail (`{{catchUpList}}`): one line per
 * module the cohort already held, with its next bookable sessions, then the path's coach module. Pure; the HTML
 * version shows the same text (`white-space: pre-line`), escaped by the renderer.
 */
export interface CatchUpPathPlan {
  missed: { moduleId: string; cohortSessionsHeld: number; nextSessions: SessionBrief[] }[];
  coach?: { moduleId: string; nextSessions: SessionBrief[] };
}
interface SessionBrief {
  start: string;
  siteId: string;
}

const WORDS = {
  fr: {
    held: (n: number) => (n === 1 ? '1 séance déjà tenue' : `${n} séances déjà tenues`),
    next: 'prochaines séances',
    none: 'pas encore de séance programmée, nous vous préviendrons',
    coach: 'accompagnement des nouveaux arrivants',
    nothing: 'Vous n’avez rien manqué : vous pouvez suivre le parcours avec la promotion.',
  },
  en: {
    held: (n: number) => (n === 1 ? '1 session already held' : `${n} sessions already held`),
    next: 'next sessions',
    none: 'no session scheduled yet, we will let you know',
    coach: 'newcomers’ coaching',
    nothing: 'You have missed nothing: you can follow the path with the cohort.',
  },
} as const;

export function catchUpText(plan: CatchUpPathPlan, c: Catalog, locale: Locale): string {
  const w = WORDS[locale];
  const title = (id: string) => c.modules.find((m) => m.id === id)?.title[locale] ?? id;
  const site = (id: string) => c.sites.find((s) => s.id === id)?.name ?? id;
  const sessions = (list: SessionBrief[]) =>
    list.length === 0
      ? w.none
      : `${w.next} : ${list.map((s) => `${formatLocal(s.start, locale)} (${site(s.siteId)})`).join(' ; ')}`;
  const lines = plan.missed.map(
    (m) => `• ${title(m.moduleId)} — ${w.held(m.cohortSessionsHeld)} ; ${sessions(m.nextSessions)}`,
  );
  if (plan.coach)
    lines.push(`• ${title(plan.coach.moduleId)} (${w.coach}) — ${sessions(plan.coach.nextSessions)}`);
  return lines.length > 0 ? lines.join('\n') : w.nothing;
}
