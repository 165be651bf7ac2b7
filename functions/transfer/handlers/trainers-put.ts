import { api } from '../api.ts';
import { writeTrainer } from '../trainers.ts';

export const handler = api('trainers-put', async ({ principal, params, body }) => {
  const { created, trainer } = await writeTrainer(principal, params.id, body);
  return {
    status: created ? 201 : 200,
    body: trainer,
    ...(created ? { headers: { location: `/trainers/${params.id}` } } : {}),
  };
});
