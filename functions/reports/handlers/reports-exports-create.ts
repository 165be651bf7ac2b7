import { api } from '../api.ts';
import { createExport } from '../exports.ts';

export const handler = api('reports-exports-create', async ({ principal, body }) => {
  const view = await createExport(principal, body);
  return { body: view, headers: { location: `/reports/exports/${view.id}` } };
});
