/**
 * Every key the application writes is built here, and only here.
 *
 * Conventions (see docs/architecture.md, "Key design"):
 * - key parts are labelled `label#value` and joined with `#`, so a key reads like `session#s-123#enrolment#e-456`;
 * - keys are built from immutable identifiers only (ids, creation timestamps), never from mutable attributes such
 *   as a title, a status or a session's start time (those live in GSI keys that are rewritten with the item);
 * - every item also stores `entity` so a stream consumer or a rebuild can dispatch on it.
 */
export type KeyPart = readonly [label: string, value: string | number];

export function composeKey(...parts: KeyPart[]): string {
  return parts.map(([label, value]) => `${label}#${value}`).join('#');
}

/** Fixed-width, lexicographically sortable integers for sort keys (e.g. waitlist sequence numbers). */
export function sortableNumber(n: number, width = 10): string {
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`sortableNumber expects a non-negative integer, got ${n}`);
  return String(n).padStart(width, '0');
}

export interface ItemKey {
  pk: string;
  sk: string;
}

export const keys = {
  catalog: {
    /** All catalog items share one partition: the catalog is small (tens of items) and read together. */
    module: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['module', id]) }),
    path: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['path', id]) }),
    site: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['site', id]) }),
    competency: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['competency', id]) }),
    service: (id: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['service', id]) }),
    partition: 'catalog',
    prefix: (kind: 'module' | 'path' | 'site' | 'competency' | 'service') => `${kind}#`,
  },
  user: {
    profile: (userId: string): ItemKey => ({ pk: composeKey(['user', userId]), sk: 'profile' }),
  },
} as const;
