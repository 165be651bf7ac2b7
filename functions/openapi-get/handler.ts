import { api } from '../lib/api.ts';
import { openApiDocument } from '../lib/openapi.ts';

let doc: unknown;

export const handler = api('openapi-get', async () => {
  doc ??= openApiDocument();
  return { body: doc, headers: { 'cache-control': 'public, max-age=300' } };
});
