import { useEffect, useState } from 'preact/hooks';
import { apiJson } from '../api/http.ts';
import type { Answer } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Names {
  competencies: Answer<'competencies-list'>['items'];
  services: Answer<'services-list'>['items'];
}

let pending: Promise<Names> | undefined;

/** Competencies and services as the lab keeps them (the API, not a build-time copy), fetched once per page load. */
function loadNames(): Promise<Names> {
  pending ??= Promise.all([
    apiJson<Answer<'competencies-list'>>('/competencies'),
    apiJson<Answer<'services-list'>>('/services'),
  ]).then(([c, s]) => ({ competencies: c.items, services: s.items }));
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

/** Competency titles and service names (ids until they have arrived); levels from the dictionary. */
export function useNames() {
  const { locale, t } = useI18n();
  const [names, setNames] = useState<Names>();
  useEffect(() => {
    loadNames().then(setNames, () => undefined);
  }, []);
  const live = <T extends { archived: boolean }>(items: T[] | undefined) =>
    (items ?? []).filter((x) => !x.archived);
  return {
    competencyTitle: (id: string) => names?.competencies.find((c) => c.id === id)?.title[locale] ?? id,
    serviceName: (id: string) =>
      id === 'unassigned' ? t.serviceUnassigned : (names?.services.find((s) => s.id === id)?.name ?? id),
    levelName: (level: string) =>
      ({
        discover: t.levelDiscover,
        practise: t.levelPractise,
        master: t.levelMaster,
        'can-teach': t.levelCanTeach,
      })[level] ?? level,
    competencyIds: live(names?.competencies).map((c) => c.id),
    serviceIds: live(names?.services).map((s) => s.id),
  };
}
