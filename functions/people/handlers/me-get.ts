import { ensureProfileFromClaims } from '@parcours/store/profile-repo';
import { api } from '../api.ts';

/**
 * Who am I. Also refreshes the caller's profile from their identity claims (verified e-mail, service), so that
 * notifications reach people who never opened their profile page; a no-op write when nothing changed.
 */
export const handler = api('me-get', async ({ principal }) => {
  await ensureProfileFromClaims(principal);
  return { body: principal };
});
