import { api } from '../api.ts';
import { continueExport } from '../exports.ts';

export const handler = api('reports-exports-continue', async ({ principal, params }) => ({
  body: await continueExport(principal, params.id),
}));
