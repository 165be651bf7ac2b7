import { api } from '../lib/api.ts';
import { csvDocument, csvReply, serviceCsv, todayStamp } from '../lib/reports/formats.ts';
import { servicesMatrix } from '../lib/reports/services.ts';

export const handler = api('reports-services', async ({ principal, query }) => {
  const { items, total } = await servicesMatrix(principal, query);
  if (query.format === 'csv') {
    const text = csvDocument(serviceCsv.header(), [...items, total].flatMap(serviceCsv.rows));
    return csvReply(text, `parcours-services-${todayStamp()}.csv`);
  }
  return { body: { items, total } };
});
