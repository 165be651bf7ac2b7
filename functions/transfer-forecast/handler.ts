import { api } from '../lib/api.ts';
import { transferForecast } from '../lib/transfer/kpi.ts';

export const handler = api('transfer-forecast', async ({ query }) => ({
  body: await transferForecast(query),
}));
