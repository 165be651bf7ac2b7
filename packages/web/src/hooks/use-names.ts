import names from 'virtual:content-names';
import { useI18n } from '../i18n/i18n.tsx';

/** Competency titles and service names (from content/, at build time); levels from the dictionary. */
export function useNames() {
  const { locale, t } = useI18n();
  return {
    competencyTitle: (id: string) => names.competencies[id]?.[locale] ?? id,
    serviceName: (id: string) => (id === 'unassigned' ? t.serviceUnassigned : (names.services[id] ?? id)),
    levelName: (level: string) =>
      ({
        discover: t.levelDiscover,
        practise: t.levelPractise,
        master: t.levelMaster,
        'can-teach': t.levelCanTeach,
      })[level] ?? level,
    competencyIds: Object.keys(names.competencies),
    serviceIds: Object.keys(names.services),
  };
}
