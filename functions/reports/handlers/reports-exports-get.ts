import { api } from '../api.ts';
import { getExport } from '../exports.ts';

export const handler = api('reports-exports-get', async ({ principal, params }) => ({
  body: await getExport(principal, params.id),
}));
