import { api } from '../api.ts';
import { deliveryMixKpi } from '../kpi.ts';

export const handler = api('transfer-kpi', async ({ query }) => ({ body: await deliveryMixKpi(query) }));
