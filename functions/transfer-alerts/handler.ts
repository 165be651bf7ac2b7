import { api } from '../lib/api.ts';
import { transferAlerts } from '../lib/transfer/kpi.ts';

export const handler = api('transfer-alerts', async ({ query }) => ({ body: await transferAlerts(query) }));
