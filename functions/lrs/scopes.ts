import { LRS_SCOPE_VALUES } from '@parcours/domain/api/lrs-clients-api';

/**
 * Scopes of LRS credentials: the values of Communication 4.2 (OAuth scopes, reused for Basic credentials). `all`
 * grants everything, `all/read` every read; `define` lets the credential's Statements update the LRS's canonical
 * Activity definitions. One list, in the API schema that validates them.
 */
export const LRS_SCOPES = LRS_SCOPE_VALUES;

export type LrsScope = (typeof LRS_SCOPES)[number];

/** Communication 4.2.s6.b2: the scopes assumed when none are asked for. */
export const DEFAULT_SCOPES: readonly LrsScope[] = ['statements/write', 'statements/read/mine'];

/** What a request needs: an action on a resource family. */
export type Permission =
  | 'statements/write'
  | 'statements/read'
  | 'state/read'
  | 'state/write'
  | 'profile/read'
  | 'profile/write'
  | 'activities/read'
  | 'agents/read';

export interface Grant {
  allowed: boolean;
  /** Reads of Statements limited to those this credential wrote (statements/read/mine only). */
  mineOnly?: boolean;
}

export function grant(scopes: readonly string[], needed: Permission): Grant {
  const has = (s: LrsScope) => scopes.includes(s);
  if (has('all')) return { allowed: true };
  const read = needed.endsWith('/read');
  if (read && has('all/read')) return { allowed: true };
  switch (needed) {
    case 'statements/write':
      return { allowed: has('statements/write') };
    case 'statements/read':
      if (has('statements/read')) return { allowed: true };
      return has('statements/read/mine') ? { allowed: true, mineOnly: true } : { allowed: false };
    case 'state/read':
    case 'state/write':
      return { allowed: has('state') };
    case 'profile/read':
    case 'profile/write':
      return { allowed: has('profile') };
    case 'activities/read':
    case 'agents/read':
      // Reading what Statements already say: any Statement or document read scope suffices.
      return {
        allowed: ['statements/read', 'statements/read/mine', 'state', 'profile', 'define'].some((s) =>
          scopes.includes(s),
        ),
      };
  }
}

export function canDefine(scopes: readonly string[]): boolean {
  return scopes.includes('all') || scopes.includes('define');
}
