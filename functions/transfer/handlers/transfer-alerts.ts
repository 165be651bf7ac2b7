import { api } from '../api.ts';
import { transferAlerts } from '../kpi.ts';

export const handler = api('transfer-alerts', async ({ query }) => ({ body: await transferAlerts(query) }));
