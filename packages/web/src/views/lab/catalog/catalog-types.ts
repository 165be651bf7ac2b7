import type { Answer, Body } from '../../../api/types.ts';

/** The catalogue's items as the API returns them (entity + version, archived, updatedAt, updatedBy), by kind. */
export interface Views {
  modules: Answer<'modules-get'>;
  paths: Answer<'paths-get'>;
  sites: Answer<'sites-get'>;
  competencies: Answer<'competencies-get'>;
  services: Answer<'services-get'>;
}

/** What a form sends: the entity itself (the creation body; an edit adds the loaded `version`). */
export interface Entities {
  modules: Body<'modules-create'>;
  paths: Body<'paths-create'>;
  sites: Body<'sites-create'>;
  competencies: Body<'competencies-create'>;
  services: Body<'services-create'>;
}

/** The API's kind names (the first segment of its routes). */
export type Kind = keyof Views;
export type View<K extends Kind> = Views[K];
export type HistoryEntry = Answer<'modules-history'>['items'][number];
export type Level = Views['modules']['competencies'][number]['level'];

export type ModuleEntity = Entities['modules'];
export type PathEntity = Entities['paths'];
export type SiteEntity = Entities['sites'];
export type CompetencyEntity = Entities['competencies'];
export type ServiceEntity = Entities['services'];
