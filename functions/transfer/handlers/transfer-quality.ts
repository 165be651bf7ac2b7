import { api } from '../api.ts';
import { transferQuality } from '../kpi.ts';

export const handler = api('transfer-quality', async ({ query }) => ({ body: await transferQuality(query) }));
