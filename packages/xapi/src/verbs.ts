import type { Verb } from './types.ts';

/**
 * The Verbs Parcours emits, with their IRIs and a French and English display.
 *
 * xAPI 1.0.3 Data §3.1.s1.b3: "Where a suitable identifier already exists, the Metadata Provider SHOULD use the
 * corresponding existing identifier", so the ADL and Tin Can registry IRIs are reused; s1.b2: "Metadata Providers
 * defining new Verb IRIs MUST only use IRIs they control", so Parcours' own verbs live under its domain. The display
 * "MUST be used to illustrate the meaning which is already determined by the Verb IRI" (§2.4.3.s5.b2).
 */

/** The reserved voiding verb (Data §2.3.2). */
export const VOIDED_VERB_IRI = 'http://adlnet.gov/expapi/verbs/voided';

/** Parcours-controlled Verb IRIs live here. */
export const PARCOURS_VERB_BASE = 'https://parcours.example.gouv.fr/xapi/verbs/';

const ADL = 'http://adlnet.gov/expapi/verbs/';
const TIN_CAN = 'http://id.tincanapi.com/verb/';

function verb(id: string, fr: string, en: string): Verb & { display: { 'fr-FR': string; 'en-US': string } } {
  return { id, display: { 'fr-FR': fr, 'en-US': en } };
}

export const VERBS = {
  registered: verb(`${ADL}registered`, "s'est inscrit", 'registered'),
  unregistered: verb(`${TIN_CAN}unregistered`, "s'est désinscrit", 'unregistered'),
  waitlisted: verb(`${PARCOURS_VERB_BASE}waitlisted`, "a été placé en liste d'attente", 'waitlisted'),
  attended: verb(`${ADL}attended`, 'a participé à', 'attended'),
  completed: verb(`${ADL}completed`, 'a achevé', 'completed'),
  passed: verb(`${ADL}passed`, 'a réussi', 'passed'),
  failed: verb(`${ADL}failed`, 'a échoué à', 'failed'),
  voided: verb(VOIDED_VERB_IRI, 'a annulé', 'voided'),
  responded: verb(`${ADL}responded`, 'a réagi à', 'responded'),
  rated: verb(`${TIN_CAN}rated`, 'a évalué', 'rated'),
  facilitated: verb(`${PARCOURS_VERB_BASE}facilitated`, 'a animé', 'facilitated'),
  coFacilitated: verb(`${PARCOURS_VERB_BASE}co-facilitated`, 'a co-animé', 'co-facilitated'),
  observed: verb(`${PARCOURS_VERB_BASE}observed`, 'a observé', 'observed'),
  launched: verb(`${ADL}launched`, 'a lancé', 'launched'),
  initialized: verb(`${ADL}initialized`, 'a initialisé', 'initialized'),
  terminated: verb(`${ADL}terminated`, 'a clôturé', 'terminated'),
  experienced: verb(`${ADL}experienced`, 'a consulté', 'experienced'),
  answered: verb(`${ADL}answered`, 'a répondu à', 'answered'),
} as const;

export type VerbName = keyof typeof VERBS;

/** Verb IRI by name, for filters and comparisons. */
export const VERB_IRIS = Object.fromEntries(Object.entries(VERBS).map(([name, v]) => [name, v.id])) as {
  readonly [name in VerbName]: string;
};
