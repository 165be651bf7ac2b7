import { api } from '../api.ts';
import { satisfactionAggregates } from '../evaluations.ts';

export const handler = api('evaluations-aggregates', async ({ principal, query }) => ({
  body: await satisfactionAggregates(principal, query),
}));
