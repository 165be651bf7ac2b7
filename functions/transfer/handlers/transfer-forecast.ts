import { api } from '../api.ts';
import { transferForecast } from '../kpi.ts';

export const handler = api('transfer-forecast', async ({ query }) => ({
  body: await transferForecast(query),
}));
