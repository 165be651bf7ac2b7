import { useI18n } from '../../../i18n/i18n.tsx';

/** The learner catalogue's words (French first); shared words (loading, errors…) come from the global `t`. */
const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);
const minutes = (n: number) => `${n} min`;

export const fr = {
  title: 'Catalogue des formations',
  intro: 'Les parcours et les modules proposés, avec leurs prochaines sessions.',
  pathsHeading: 'Parcours',
  modulesHeading: 'Modules',
  noPaths: 'Aucun parcours n’est proposé pour le moment.',
  noModules: 'Aucun module n’est proposé pour le moment.',
  audience: 'Public',
  entryModule: 'Module d’entrée (obligatoire)',
  electives: (n: number, m: number) => `Modules au choix : ${n} sur ${m} à valider`,
  coachModule: 'Accompagnement des nouveaux arrivants',
  cohortStart: (date: string) => `Promotion commencée le ${date}`,
  join: 'Rejoindre ce parcours',
  joinContext: (path: string) => ` « ${path} »`,
  joined: 'Parcours rejoint',
  joinedOn: (date: string) => `Vous avez rejoint ce parcours le ${date}.`,
  joinedNow: (path: string) => `Vous avez rejoint le parcours « ${path} ».`,
  joinedNewcomer: (path: string) =>
    `Vous avez rejoint le parcours « ${path} ». La promotion a déjà commencé : un plan de rattrapage vous attend sur votre page « Mon parcours ».`,
  split: (theory: number, practice: number) =>
    `${minutes(theory)} de théorie, ${minutes(practice)} de pratique`,
  duration: 'Durée',
  themePrefix: 'Thème : ',
  themeName: (theme: string) =>
    ({
      'collective-intelligence': 'Intelligence collective',
      design: 'Design',
      creativity: 'Créativité',
      communication: 'Communication',
      facilitation: 'Animation',
      coaching: 'Accompagnement',
    })[theme] ?? theme,
  objectives: 'Objectifs',
  competencies: 'Compétences acquises',
  prerequisites: 'Prérequis',
  noPrerequisites: 'Aucun',
  practiceSheets: 'Fiches pratiques',
  noPracticeSheets: 'Aucune fiche pratique.',
  seeSessions: 'Voir les sessions',
  seeSessionsContext: (module: string) => ` du module « ${module} »`,
  backToCatalog: 'Retour au catalogue',
  moduleNotFound: 'Ce module n’existe pas ou n’est plus proposé.',
  sessionsHeading: 'Prochaines sessions',
  noSessions: 'Aucune session n’est programmée pour ce module.',
  noSessionsMatch: 'Aucune session ne correspond à ces filtres.',
  sessionsShown: (n: number, total: number) =>
    `${n} ${plural(n, 'session affichée', 'sessions affichées')} sur ${total}.`,
  filterSite: 'Lieu',
  allSites: 'Tous les lieux',
  filterFrom: 'À partir du',
  filterTo: 'Jusqu’au',
  resetFilters: 'Effacer les filtres',
  room: (room: string) => `salle ${room}`,
  remote: 'À distance',
  book: 'M’inscrire',
  joinWaitlist: 'Rejoindre la liste d’attente',
  bookContext: (date: string) => ` à la session du ${date}`,
  youAreEnrolled: 'Vous êtes inscrit à cette session.',
  youAreWaitlisted: (position?: number) =>
    position
      ? `Vous êtes en position ${position} de la liste d’attente.`
      : 'Vous êtes sur la liste d’attente.',
  booked: (module: string, date: string) => `Inscription confirmée : « ${module} », ${date}.`,
  waitlisted: (module: string, position: number) =>
    `Session complète : vous êtes en position ${position} de la liste d’attente de « ${module} ». Vous serez prévenu si une place se libère.`,
  icsDownload: 'Ajouter à mon agenda (fichier .ics)',
  icsContext: (date: string) => ` : session du ${date}`,
  /** Booking errors, with what the API's details let us say. */
  bookingError: (code: string, prerequisite?: string): string | undefined =>
    ({
      'prerequisite-missing': prerequisite
        ? `Il faut d’abord valider le module « ${prerequisite} », ou être inscrit à une session de ce module qui se termine avant celle-ci.`
        : 'Un module préalable doit d’abord être validé.',
      'already-enrolled-in-module':
        'Vous êtes déjà inscrit à une session de ce module : annulez-la depuis « Mon parcours » pour en choisir une autre.',
      'module-archived': 'Ce module n’est plus proposé : il n’est plus possible de s’y inscrire.',
      'module-already-completed': 'Vous avez déjà validé ce module.',
      'overlapping-enrolment':
        'Cette session a lieu en même temps qu’une autre session à laquelle vous êtes inscrit.',
      'session-already-started': 'Cette session a déjà commencé : il n’est plus possible de s’y inscrire.',
      'session-not-open': 'Cette session n’est pas ouverte aux inscriptions.',
      'session-cancelled': 'Cette session a été annulée.',
      'module-not-in-path': 'Ce module ne fait pas partie du parcours choisi.',
      'unknown-path': 'Ce parcours n’existe pas.',
      'not-found': 'Cette session n’existe plus.',
    })[code],
  joinError: (code: string): string | undefined =>
    ({
      'not-found': 'Ce parcours n’existe plus.',
      'path-archived': 'Ce parcours n’est plus proposé.',
    })[code],
};

export const en: typeof fr = {
  title: 'Training catalogue',
  intro: 'The paths and modules on offer, with their next sessions.',
  pathsHeading: 'Paths',
  modulesHeading: 'Modules',
  noPaths: 'No path is on offer yet.',
  noModules: 'No module is on offer yet.',
  audience: 'Audience',
  entryModule: 'Entry module (mandatory)',
  electives: (n: number, m: number) => `Electives: ${n} of ${m} to complete`,
  coachModule: 'Newcomer coaching',
  cohortStart: (date: string) => `Cohort started on ${date}`,
  join: 'Join this path',
  joinContext: (path: string) => ` “${path}”`,
  joined: 'Path joined',
  joinedOn: (date: string) => `You joined this path on ${date}.`,
  joinedNow: (path: string) => `You joined the path “${path}”.`,
  joinedNewcomer: (path: string) =>
    `You joined the path “${path}”. The cohort has already started: a catch-up plan awaits you on your “My path” page.`,
  split: (theory: number, practice: number) =>
    `${minutes(theory)} of theory, ${minutes(practice)} of practice`,
  duration: 'Duration',
  themePrefix: 'Theme: ',
  themeName: (theme: string) =>
    ({
      'collective-intelligence': 'Collective intelligence',
      design: 'Design',
      creativity: 'Creativity',
      communication: 'Communication',
      facilitation: 'Facilitation',
      coaching: 'Coaching',
    })[theme] ?? theme,
  objectives: 'Objectives',
  competencies: 'Competencies gained',
  prerequisites: 'Prerequisites',
  noPrerequisites: 'None',
  practiceSheets: 'Practice sheets',
  noPracticeSheets: 'No practice sheet.',
  seeSessions: 'See the sessions',
  seeSessionsContext: (module: string) => ` of the module “${module}”`,
  backToCatalog: 'Back to the catalogue',
  moduleNotFound: 'This module does not exist or is no longer on offer.',
  sessionsHeading: 'Next sessions',
  noSessions: 'No session is scheduled for this module.',
  noSessionsMatch: 'No session matches these filters.',
  sessionsShown: (n: number, total: number) =>
    `${n} of ${total} ${plural(total, 'session', 'sessions')} shown.`,
  filterSite: 'Place',
  allSites: 'All places',
  filterFrom: 'From',
  filterTo: 'Until',
  resetFilters: 'Clear the filters',
  room: (room: string) => `room ${room}`,
  remote: 'Remote',
  book: 'Book',
  joinWaitlist: 'Join the waiting list',
  bookContext: (date: string) => ` the session of ${date}`,
  youAreEnrolled: 'You are booked on this session.',
  youAreWaitlisted: (position?: number) =>
    position ? `You are number ${position} on the waiting list.` : 'You are on the waiting list.',
  booked: (module: string, date: string) => `Booking confirmed: “${module}”, ${date}.`,
  waitlisted: (module: string, position: number) =>
    `Session full: you are number ${position} on the waiting list of “${module}”. You will be told if a seat frees up.`,
  icsDownload: 'Add to my calendar (.ics file)',
  icsContext: (date: string) => `: session of ${date}`,
  bookingError: (code: string, prerequisite?: string): string | undefined =>
    ({
      'prerequisite-missing': prerequisite
        ? `You must first complete the module “${prerequisite}”, or hold a seat in a session of it that ends before this one.`
        : 'A prerequisite module must be completed first.',
      'already-enrolled-in-module':
        'You already hold a booking in a session of this module: cancel it from “My path” to pick another one.',
      'module-archived': 'This module is no longer on offer: booking is closed.',
      'module-already-completed': 'You have already completed this module.',
      'overlapping-enrolment': 'This session overlaps another session you are booked on.',
      'session-already-started': 'This session has already started: booking is closed.',
      'session-not-open': 'This session is not open for booking.',
      'session-cancelled': 'This session was cancelled.',
      'module-not-in-path': 'This module is not part of the chosen path.',
      'unknown-path': 'This path does not exist.',
      'not-found': 'This session no longer exists.',
    })[code],
  joinError: (code: string): string | undefined =>
    ({
      'not-found': 'This path no longer exists.',
      'path-archived': 'This path is no longer on offer.',
    })[code],
};

export type CatalogTexts = typeof fr;

export function useTexts(): CatalogTexts {
  const { locale } = useI18n();
  return locale === 'en' ? en : fr;
}
