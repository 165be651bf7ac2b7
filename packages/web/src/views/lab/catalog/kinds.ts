import type { Kind } from './catalog-types.ts';

/** The kinds in menu order, and their French URL segment under /lab/catalogue (the API's names stay English). */
export const KINDS: { kind: Kind; slug: string }[] = [
  { kind: 'modules', slug: 'modules' },
  { kind: 'paths', slug: 'parcours' },
  { kind: 'sites', slug: 'sites' },
  { kind: 'competencies', slug: 'competences' },
  { kind: 'services', slug: 'services' },
];

export const BASE = '/lab/catalogue';
export const NEW = 'nouveau';
export const HISTORY = 'historique';

export function kindOfSlug(slug: string): Kind | undefined {
  return KINDS.find((k) => k.slug === slug)?.kind;
}

export function slugOf(kind: Kind): string {
  return KINDS.find((k) => k.kind === kind)?.slug ?? kind;
}

export const listHref = (kind: Kind) => `${BASE}/${slugOf(kind)}`;
export const newHref = (kind: Kind) => `${listHref(kind)}/${NEW}`;
export const itemHref = (kind: Kind, id: string) => `${listHref(kind)}/${encodeURIComponent(id)}`;
export const historyHref = (kind: Kind, id: string) => `${itemHref(kind, id)}/${HISTORY}`;

/** An item's name in lists and titles: a localized title, or a plain name (sites, services). */
export function nameOf(
  item: { title: { fr: string; en: string } } | { name: string },
  pick: (t: { fr: string; en: string }) => string,
): string {
  return 'title' in item ? pick(item.title) : item.name;
}

/** `id` as the contract wants it: kebab-case, at most 64 characters. */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isKebab = (id: string) => KEBAB.test(id) && id.length <= 64;
