import type { Kind } from './catalog-types.ts';

/** The catalogue's kinds of items in words (French first): list titles, buttons, the hub's descriptions. */
export const kindFr: Record<
  Kind,
  { many: string; one: string; create: string; fresh: string; about: string }
> = {
  modules: {
    many: 'Modules',
    one: 'Module',
    create: 'Créer un module',
    fresh: 'Nouveau module',
    about: 'Contenu, durée, objectifs, compétences acquises, prérequis et fiches pratiques.',
  },
  paths: {
    many: 'Parcours',
    one: 'Parcours',
    create: 'Créer un parcours',
    fresh: 'Nouveau parcours',
    about: 'Module d’entrée, modules au choix (N parmi M), accompagnement, délais et promotion.',
  },
  sites: {
    many: 'Sites',
    one: 'Site',
    create: 'Créer un site',
    fresh: 'Nouveau site',
    about: 'Lieux de formation, adresse, accessibilité et salles avec leur capacité.',
  },
  competencies: {
    many: 'Compétences',
    one: 'Compétence',
    create: 'Créer une compétence',
    fresh: 'Nouvelle compétence',
    about: 'Référentiel des compétences et description de leurs quatre niveaux.',
  },
  services: {
    many: 'Services',
    one: 'Service',
    create: 'Créer un service',
    fresh: 'Nouveau service',
    about: 'Services de la collectivité auxquels les agents sont rattachés.',
  },
};

export const kindEn: typeof kindFr = {
  modules: {
    many: 'Modules',
    one: 'Module',
    create: 'Create a module',
    fresh: 'New module',
    about: 'Content, duration, objectives, competencies gained, prerequisites and practice sheets.',
  },
  paths: {
    many: 'Paths',
    one: 'Path',
    create: 'Create a path',
    fresh: 'New path',
    about: 'Entry module, electives (N of M), coaching, deadlines and cohort.',
  },
  sites: {
    many: 'Sites',
    one: 'Site',
    create: 'Create a site',
    fresh: 'New site',
    about: 'Training places, address, accessibility and rooms with their capacity.',
  },
  competencies: {
    many: 'Competencies',
    one: 'Competency',
    create: 'Create a competency',
    fresh: 'New competency',
    about: 'The competency framework and the description of its four levels.',
  },
  services: {
    many: 'Services',
    one: 'Service',
    create: 'Create a service',
    fresh: 'New service',
    about: 'The organisation’s services agents belong to.',
  },
};
