import { agentRowJson } from '@parcours/domain/reports/render';
import { listAgents } from '../agents.ts';
import { api } from '../api.ts';
import { agentCsv, csvDocument, csvReply, todayStamp } from '../formats.ts';

export const handler = api('reports-agents-list', async ({ principal, query }) => {
  const page = await listAgents(principal, query);
  if (query.format === 'csv') {
    const text = csvDocument(agentCsv.header(), page.items.map(agentCsv.row));
    return csvReply(text, `parcours-agents-${todayStamp()}.csv`, page.nextCursor);
  }
  return {
    body: {
      items: page.items.map(agentRowJson),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    },
  };
});
