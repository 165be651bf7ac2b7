import { nowIso } from '@parcours/domain/clock';
import { listAuditEntries } from '@parcours/store/audit-repo';
import { api } from '../api.ts';

export const handler = api('audit-list', async ({ query }) => {
  const month = query.month ?? nowIso().slice(0, 7);
  return { body: await listAuditEntries(month, query.limit ?? 100, query.cursor) };
});
