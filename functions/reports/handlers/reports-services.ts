import { api } from '../api.ts';
import { csvDocument, csvReply, serviceCsv, todayStamp } from '../formats.ts';
import { servicesMatrix } from '../services.ts';

export const handler = api('reports-services', async ({ principal, query }) => {
  const { items, total } = await servicesMatrix(principal, query);
  if (query.format === 'csv') {
    const text = csvDocument(serviceCsv.header(), [...items, total].flatMap(serviceCsv.rows));
    return csvReply(text, `parcours-services-${todayStamp()}.csv`);
  }
  return { body: { items, total } };
});
