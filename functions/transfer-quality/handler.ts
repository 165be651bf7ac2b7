import { api } from '../lib/api.ts';
import { transferQuality } from '../lib/transfer/kpi.ts';

export const handler = api('transfer-quality', async ({ query }) => ({ body: await transferQuality(query) }));
