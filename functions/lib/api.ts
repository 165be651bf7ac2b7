import { type ApiReply, type ApiRequest, createApiHandler } from '@parcours/http';
import { type HttpRouteName, httpRoutes } from '../routes.ts';

/**
 * Binds a handler to its entry in the route table: auth, validation schemas and docs all come from there,
 * so a handler cannot disagree with what the stack deploys or what the OpenAPI document promises.
 */
export function api<N extends HttpRouteName>(
  name: N,
  fn: (req: ApiRequest<(typeof httpRoutes)[N]>) => Promise<ApiReply>,
) {
  return createApiHandler(httpRoutes[name], fn);
}
