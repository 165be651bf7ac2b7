import { agentDetailJson } from '@parcours/domain/reports/render';
import { api } from '../lib/api.ts';
import { getAgent } from '../lib/reports/agents.ts';

export const handler = api('reports-agents-get', async ({ principal, params }) => ({
  body: agentDetailJson(await getAgent(principal, params.id)),
}));
