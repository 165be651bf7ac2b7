import { api } from '../api.ts';
import { exportPersonalData } from '../personal-export.ts';

/** RGPD right of access and portability: everything about the caller, as JSON. */
export const handler = api('me-data-export', async ({ principal }) => ({
  body: await exportPersonalData(principal.userId),
  headers: { 'content-disposition': `attachment; filename="parcours-mes-donnees.json"` },
}));
