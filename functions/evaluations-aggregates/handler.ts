import { api } from '../lib/api.ts';
import { satisfactionAggregates } from '../lib/transfer/evaluations.ts';

export const handler = api('evaluations-aggregates', async ({ principal, query }) => ({
  body: await satisfactionAggregates(principal, query),
}));
