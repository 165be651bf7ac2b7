export {
  type ApiEvent,
  type ApiReply,
  type ApiRequest,
  type ApiResult,
  createApiHandler,
} from './api-handler.ts';
export { type Claims, principalFromClaims } from './claims.ts';
export {
  type ApiHandler,
  type BackgroundHandler,
  bindRoutes,
  dispatchRoutes,
} from './context-handler.ts';
export { logger, redact } from './logger.ts';
export { type ErrorBody, errorResponse, json, SECURITY_HEADERS } from './responses.ts';
export * from './route-types.ts';
export { STATUS_BY_KIND } from './status.ts';
