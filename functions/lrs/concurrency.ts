import { LrsError } from './errors.ts';

/**
 * ETag preconditions of the document resources (Communication 3.1, RFC 2616 §14.24 and §14.26). Pure.
 * `current` is the ETag of the document as read (undefined: no document).
 */

/** The entity tags of an If-Match / If-None-Match value; `*` stands alone. Quotes and W/ are dropped, case folded. */
export function parseEtagList(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) =>
      t
        .replace(/^W\//i, '')
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase(),
    );
}

export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

/** Throws 412 when a precondition given fails. */
export function checkPreconditions(p: Preconditions, current: string | undefined): void {
  if (p.ifMatch !== undefined) {
    const tags = parseEtagList(p.ifMatch);
    const ok = current !== undefined && (tags.includes('*') || tags.includes(current.toLowerCase()));
    if (!ok)
      throw new LrsError(
        412,
        'precondition-failed',
        'If-Match does not match the current document (Communication 3.1.s4.b9)',
      );
  }
  if (p.ifNoneMatch !== undefined) {
    const tags = parseEtagList(p.ifNoneMatch);
    const fails = current !== undefined && (tags.includes('*') || tags.includes(current.toLowerCase()));
    if (fails) {
      throw new LrsError(
        412,
        'precondition-failed',
        'If-None-Match: the document exists (Communication 3.1.s4.b9)',
      );
    }
  }
}

/**
 * Communication 3.1.s4.b13-b14: a PUT to an existing profile document without If-Match or If-None-Match is a 409 that
 * tells the client how to resolve it.
 */
export function requirePreconditionForOverwrite(p: Preconditions, exists: boolean): void {
  if (exists && p.ifMatch === undefined && p.ifNoneMatch === undefined) {
    throw new LrsError(
      409,
      'precondition-missing',
      'This document already exists: check its current state, then send If-Match with its current ETag to replace it (Communication 3.1.s4.b13-b14)',
    );
  }
}
