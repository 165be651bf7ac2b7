import type { PersonRole, PersonView } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * The words of the cockpit's people pages (list, one person: identity, roles, service, paths, trainer entry,
 * personal data), French first. Shared words (loading, errors) come from the global dictionary.
 */
const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const fr = {
  // --- list ---
  title: 'Personnes',
  intro:
    'Les personnes qui se sont connectées à Parcours : leur service, les rôles que le lab leur donne, leurs parcours.',
  viewsLabel: 'Listes de personnes',
  allPeople: 'Toutes les personnes',
  toAssignTab: (n: number | undefined) =>
    n === undefined ? 'Service à affecter' : `Service à affecter (${n})`,
  toAssignIntro:
    'Ces personnes se sont connectées avec ProConnect, mais leur SIRET (et leur unité) ne correspond à aucun service du catalogue : ouvrez leur fiche pour choisir leur service, ou ajoutez leur SIRET au service dans le catalogue.',
  filtersLabel: 'Filtrer les personnes',
  search: 'Nom ou adresse électronique',
  searchHint: 'Début du prénom, du nom ou de l’adresse ; accents et majuscules ignorés.',
  role: 'Rôle',
  allRoles: 'Tous les rôles',
  service: 'Service',
  allServices: 'Tous les services',
  applyFilters: 'Filtrer',
  resetFilters: 'Réinitialiser',
  caption: (n: number) => `${n} ${plural(n, 'personne', 'personnes')}`,
  captionToAssign: (n: number) => `${n} ${plural(n, 'personne', 'personnes')} dont le service est à affecter`,
  shown: (n: number) => `${n} ${plural(n, 'personne affichée', 'personnes affichées')}.`,
  noneMatching: 'Aucune personne ne correspond à ces filtres.',
  noneToAssign: 'Aucune personne n’attend son service.',
  colName: 'Nom',
  colEmail: 'Adresse électronique',
  colService: 'Service',
  colRoles: 'Rôles',
  colProvider: 'Connexion',
  toAssignBadge: 'À affecter',
  provider: (p: PersonView['provider']): string => (p === 'proconnect' ? 'ProConnect' : 'compte Parcours'),
  roleName: (r: PersonRole) =>
    ({ learner: 'Apprenant·e', trainer: 'Formateur·rice', hr: 'RH', lab: 'Lab' })[r] ?? r,
  // --- one person ---
  backToList: 'Retour à la liste des personnes',
  personFallback: 'Personne',
  personNotFound: 'Cette personne n’existe pas (ou plus) dans Parcours.',
  identityHeading: 'Identité',
  givenName: 'Prénom',
  familyName: 'Nom',
  email: 'Adresse électronique',
  uid: 'Identifiant ProConnect',
  siret: 'SIRET',
  unit: 'Unité',
  userId: 'Identifiant du compte',
  providerLabel: 'Connexion',
  createdAt: 'Première connexion',
  updatedAt: 'Dernière modification',
  updated: (date: string, by: string) => `${date}, par ${by}`,
  notGiven: '—',
  // --- roles ---
  rolesHeading: 'Rôles',
  rolesLegend: 'Rôles donnés par le lab',
  rolesHint: 'Toute personne connectée est apprenant·e ; cochez les rôles à lui donner en plus.',
  hrServicesLegend: 'Services visibles par les RH',
  hrServicesHint: 'Les services dont cette personne voit les agents dans les rapports RH.',
  noServices: 'Aucun service dans le catalogue.',
  archivedService: (name: string) => `${name} (archivé)`,
  rolesNote:
    'Un rôle donné arrive dans son jeton à sa prochaine connexion ou au prochain rafraîchissement de sa session ; un rôle retiré est refusé tout de suite pour toute modification.',
  saveRoles: 'Enregistrer les rôles',
  saving: 'Enregistrement…',
  rolesSaved: (name: string) => `Rôles de ${name} enregistrés.`,
  // --- service ---
  serviceHeading: 'Service',
  currentService: 'Service actuel',
  serviceSource: (s: NonNullable<PersonView['serviceSource']>): string =>
    s === 'claims' ? 'déduit de son SIRET à la connexion ProConnect' : 'choisi par le lab',
  serviceSelect: 'Service de rattachement',
  serviceHint: 'Le choix du lab l’emporte ensuite sur la correspondance par SIRET.',
  chooseService: 'Choisir un service',
  saveService: 'Enregistrer le service',
  serviceSaved: (name: string) => `Service de ${name} enregistré.`,
  serviceRequired: 'Choisissez un service.',
  // --- paths, trainer ---
  pathsHeading: 'Parcours rejoints',
  pathsCaption: 'Parcours rejoints, avec la date',
  noPaths: 'Aucun parcours rejoint.',
  colPath: 'Parcours',
  colJoined: 'Rejoint le',
  trainerHeading: 'Registre des formateurs',
  trainerKind: 'Type',
  kindName: (k: string) => ({ internal: 'Interne', external: 'Externe' })[k] ?? k,
  trainerStatus: 'Statut',
  active: 'Actif',
  inactive: 'Inactif',
  trainerModules: 'Modules',
  noModules: 'aucun',
  openTrainer: 'Ouvrir sa fiche de formateur',
  notTrainer: 'Cette personne n’est pas dans le registre des formateurs.',
  // --- personal data ---
  rgpdHeading: 'Données personnelles (RGPD)',
  rgpdIntro:
    'À la demande de la personne : lui remettre ses données (droit d’accès) ou les effacer (droit à l’effacement, irréversible).',
  exportButton: 'Télécharger ses données (JSON)',
  exporting: 'Préparation…',
  exported: (name: string) => `Données de ${name} téléchargées.`,
  erasureStart: 'Préparer l’effacement de ses données',
  erasedBack: 'Les données sont effacées : revenir à la liste des personnes',
  // --- errors ---
  staleTitle: 'Quelqu’un a modifié cette personne entre-temps',
  staleText: (version: number, date: string, who: string) =>
    `La version ${version} a été enregistrée le ${date} par ${who}. Votre changement n’a pas été enregistré : rechargez la fiche, puis refaites-le.`,
  reload: 'Recharger la fiche',
  reloaded: 'Fiche rechargée.',
  apiErrors: (code: string): string | undefined =>
    ({
      'last-lab-member':
        'Parcours doit garder au moins une personne avec le rôle Lab : donnez ce rôle à quelqu’un d’autre avant de le retirer ici.',
      'Person-not-found': 'Cette personne n’existe pas (ou plus) dans Parcours.',
      'person-busy': 'Cette personne est modifiée en ce moment par quelqu’un d’autre : réessayez.',
      'validation-failed': 'Certains champs sont invalides : voyez les champs signalés.',
    })[code],
  /** The API's field issues (English), in words; undefined: shown as the API wrote it. */
  issue: (message: string): string | undefined => {
    if (message.startsWith('unknown services:'))
      return `Services inconnus du catalogue : ${message.slice('unknown services:'.length).trim()}.`;
    if (message === 'only a person with the hr role sees services')
      return 'Seule une personne ayant le rôle RH voit des services : cochez RH ou décochez les services.';
    if (message.startsWith('no live service')) return 'Ce service n’existe pas ou est archivé.';
    return undefined;
  },
};

export const en: typeof fr = {
  title: 'People',
  intro:
    'The people who have signed in to Parcours: their service, the roles the lab gives them, their paths.',
  viewsLabel: 'Lists of people',
  allPeople: 'Everyone',
  toAssignTab: (n) => (n === undefined ? 'Service to be assigned' : `Service to be assigned (${n})`),
  toAssignIntro:
    'These people signed in with ProConnect, but their SIRET (and unit) matches no service of the catalogue: open their page to choose their service, or add their SIRET to the service in the catalogue.',
  filtersLabel: 'Filter people',
  search: 'Name or email address',
  searchHint: 'Start of the given name, family name or address; accents and case ignored.',
  role: 'Role',
  allRoles: 'All roles',
  service: 'Service',
  allServices: 'All services',
  applyFilters: 'Filter',
  resetFilters: 'Reset',
  caption: (n) => `${n} ${n === 1 ? 'person' : 'people'}`,
  captionToAssign: (n) => `${n} ${n === 1 ? 'person' : 'people'} whose service is to be assigned`,
  shown: (n) => `${n} ${n === 1 ? 'person' : 'people'} shown.`,
  noneMatching: 'Nobody matches these filters.',
  noneToAssign: 'Nobody is waiting for their service.',
  colName: 'Name',
  colEmail: 'Email address',
  colService: 'Service',
  colRoles: 'Roles',
  colProvider: 'Sign-in',
  toAssignBadge: 'To be assigned',
  provider: (p) => (p === 'proconnect' ? 'ProConnect' : 'Parcours account'),
  roleName: (r) => ({ learner: 'Learner', trainer: 'Trainer', hr: 'HR', lab: 'Lab' })[r] ?? r,
  backToList: 'Back to the list of people',
  personFallback: 'Person',
  personNotFound: 'This person does not exist (any more) in Parcours.',
  identityHeading: 'Identity',
  givenName: 'Given name',
  familyName: 'Family name',
  email: 'Email address',
  uid: 'ProConnect id',
  siret: 'SIRET',
  unit: 'Unit',
  userId: 'Account id',
  providerLabel: 'Sign-in',
  createdAt: 'First sign-in',
  updatedAt: 'Last change',
  updated: (date, by) => `${date}, by ${by}`,
  notGiven: '—',
  rolesHeading: 'Roles',
  rolesLegend: 'Roles given by the lab',
  rolesHint: 'Everyone signed in is a learner; tick the roles to give them on top.',
  hrServicesLegend: 'Services HR may see',
  hrServicesHint: 'The services whose staff this person sees in the HR reports.',
  noServices: 'No service in the catalogue.',
  archivedService: (name) => `${name} (archived)`,
  rolesNote:
    'A role given reaches their token at their next sign-in or the next refresh of their session; a role taken away is refused at once for any change.',
  saveRoles: 'Save roles',
  saving: 'Saving…',
  rolesSaved: (name) => `Roles of ${name} saved.`,
  serviceHeading: 'Service',
  currentService: 'Current service',
  serviceSource: (s) =>
    s === 'claims' ? 'derived from their SIRET at ProConnect sign-in' : 'chosen by the lab',
  serviceSelect: 'Home service',
  serviceHint: 'The lab’s choice then wins over the SIRET match.',
  chooseService: 'Choose a service',
  saveService: 'Save the service',
  serviceSaved: (name) => `Service of ${name} saved.`,
  serviceRequired: 'Choose a service.',
  pathsHeading: 'Paths joined',
  pathsCaption: 'Paths joined, with the date',
  noPaths: 'No path joined.',
  colPath: 'Path',
  colJoined: 'Joined on',
  trainerHeading: 'Trainer registry',
  trainerKind: 'Kind',
  kindName: (k) => ({ internal: 'Internal', external: 'External' })[k] ?? k,
  trainerStatus: 'Status',
  active: 'Active',
  inactive: 'Inactive',
  trainerModules: 'Modules',
  noModules: 'none',
  openTrainer: 'Open their trainer entry',
  notTrainer: 'This person is not in the trainer registry.',
  rgpdHeading: 'Personal data (GDPR)',
  rgpdIntro:
    'On the person’s request: give them their data (right of access) or erase it (right to erasure, cannot be undone).',
  exportButton: 'Download their data (JSON)',
  exporting: 'Preparing…',
  exported: (name) => `Data of ${name} downloaded.`,
  erasureStart: 'Prepare the erasure of their data',
  erasedBack: 'The data is erased: back to the list of people',
  staleTitle: 'Someone changed this person in the meantime',
  staleText: (version, date, who) =>
    `Version ${version} was saved on ${date} by ${who}. Your change was not saved: reload the page, then make it again.`,
  reload: 'Reload the page',
  reloaded: 'Page reloaded.',
  apiErrors: (code) =>
    ({
      'last-lab-member':
        'Parcours must keep at least one person with the Lab role: give it to someone else before taking it away here.',
      'Person-not-found': 'This person does not exist (any more) in Parcours.',
      'person-busy': 'Someone else is changing this person right now: try again.',
      'validation-failed': 'Some fields are invalid: see the fields marked.',
    })[code],
  issue: (message) => {
    if (message.startsWith('unknown services:'))
      return `Services unknown to the catalogue: ${message.slice('unknown services:'.length).trim()}.`;
    if (message === 'only a person with the hr role sees services')
      return 'Only a person with the HR role sees services: tick HR or untick the services.';
    if (message.startsWith('no live service')) return 'This service does not exist or is archived.';
    return undefined;
  },
};

export type PeopleTexts = typeof fr;

export function useTexts(): PeopleTexts {
  const { locale } = useI18n();
  return locale === 'en' ? en : fr;
}
