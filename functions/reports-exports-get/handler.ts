import { api } from '../lib/api.ts';
import { getExport } from '../lib/reports/exports.ts';

export const handler = api('reports-exports-get', async ({ principal, params }) => ({
  body: await getExport(principal, params.id),
}));
