import type { ComponentType } from 'preact';
import type { Kind } from './catalog-types.ts';
import { CompetencyForm } from './competency-form.tsx';
import type { FormProps } from './form-bits.tsx';
import { ModuleForm } from './module-form.tsx';
import { PathForm } from './path-form.tsx';
import { ServiceForm } from './service-form.tsx';
import { SiteForm } from './site-form.tsx';

/** One form per kind. */
export const FORMS: { [K in Kind]: ComponentType<FormProps<K>> } = {
  modules: ModuleForm,
  paths: PathForm,
  sites: SiteForm,
  competencies: CompetencyForm,
  services: ServiceForm,
};
