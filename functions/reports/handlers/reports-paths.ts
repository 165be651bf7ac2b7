import { api } from '../api.ts';
import { csvDocument, csvReply, pathCsv, todayStamp } from '../formats.ts';
import { pathsPage } from '../paths.ts';

export const handler = api('reports-paths', async ({ principal, query }) => {
  const page = await pathsPage(principal, query);
  if (query.format === 'csv') {
    const text = csvDocument(pathCsv.header(), page.items.map(pathCsv.row));
    return csvReply(text, `parcours-paths-${todayStamp()}.csv`, page.nextCursor);
  }
  return {
    body: {
      items: page.items,
      services: page.scope.services,
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    },
  };
});
