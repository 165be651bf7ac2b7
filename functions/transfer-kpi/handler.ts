import { api } from '../lib/api.ts';
import { deliveryMixKpi } from '../lib/transfer/kpi.ts';

export const handler = api('transfer-kpi', async ({ query }) => ({ body: await deliveryMixKpi(query) }));
