import { api } from '../lib/api.ts';
import { handleLrsEvent } from '../lib/lrs/router.ts';

export const handler = api('xapi', async ({ event }) => ({ result: await handleLrsEvent(event) }));
