import { SECURITY_HEADERS } from '@parcours/http';
import { api } from '../api.ts';
import { exportPart } from '../exports.ts';

/** One part of an export, as a file: gzip-encoded when the client accepts it (far below the 6 MB limit). */
export const handler = api('reports-exports-part', async ({ principal, params, event }) => {
  const p = await exportPart(principal, params.id, params.part, event.headers?.['accept-encoding']);
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': p.contentType,
    'content-disposition': `attachment; filename="${p.fileName}"`,
    'x-export-last-part': String(p.last),
    vary: 'accept-encoding',
  };
  if ('gzip' in p)
    return {
      result: {
        statusCode: 200,
        headers: { ...headers, 'content-encoding': 'gzip' },
        body: p.gzip.toString('base64'),
        isBase64Encoded: true,
      },
    };
  return { result: { statusCode: 200, headers, body: p.text } };
});
