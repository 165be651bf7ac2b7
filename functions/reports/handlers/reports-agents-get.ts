import { agentDetailJson } from '@parcours/domain/reports/render';
import { getAgent } from '../agents.ts';
import { api } from '../api.ts';

export const handler = api('reports-agents-get', async ({ principal, params }) => ({
  body: agentDetailJson(await getAgent(principal, params.id)),
}));
