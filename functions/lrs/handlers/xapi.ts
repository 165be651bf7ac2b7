import { api } from '../api.ts';
import { handleLrsEvent } from '../router.ts';

export const handler = api('xapi', async ({ event }) => ({ result: await handleLrsEvent(event) }));
