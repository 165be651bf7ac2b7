import type { Claims } from '@parcours/http/claims';
import { api } from '../api.ts';
import { signIn } from '../people-admin.ts';

/** First sign-in provisions the person; every sign-in says whether the token still has to catch up with them. */
export const handler = api('me-sign-in', async ({ principal, event }) => ({
  body: await signIn(principal, (event.requestContext.authorizer?.jwt?.claims ?? {}) as Claims),
}));
