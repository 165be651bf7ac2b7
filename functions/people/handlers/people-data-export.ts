import { api } from '../api.ts';
import { exportPersonalData } from '../personal-export.ts';

/** The lab answers a person's access request made outside the application (by mail, by letter). */
export const handler = api('people-data-export', async ({ params }) => ({
  body: await exportPersonalData(params.id),
  headers: { 'content-disposition': `attachment; filename="parcours-donnees-${params.id}.json"` },
}));
