import { api } from '../lib/api.ts';
import { continueExport } from '../lib/reports/exports.ts';

export const handler = api('reports-exports-continue', async ({ principal, params }) => ({
  body: await continueExport(principal, params.id),
}));
