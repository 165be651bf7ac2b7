/**
 * Domain errors: pure, HTTP-agnostic. The http package maps each `kind` to a status in one place,
 * so domain code never decides status codes and handlers never build error bodies.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'method-not-allowed';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable, machine-readable code, e.g. `session-full`, `cancellation-cutoff-passed`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError('invalid', code, message, details);
export const notFound = (what: string, id?: string) =>
  new AppError(
    'not-found',
    `${what}-not-found`,
    id ? `${what} '${id}' was not found` : `${what} was not found`,
  );
export const forbidden = (message = 'You are not allowed to do this', code = 'forbidden') =>
  new AppError('forbidden', code, message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError('conflict', code, message, details);
export const unauthenticated = (message = 'Authentication required') =>
  new AppError('unauthenticated', 'unauthenticated', message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
