export { DEMO_USERS } from './demo-users.ts';
export { LocalIdentity, type TokenRequest } from './local-identity.ts';
export { type LocalStack, type LocalStackOptions, REPO_ROOT, startLocalStack } from './local-stack.ts';
export { seedContent } from './seed.ts';
export { ensureWebBuilt } from './web-build.ts';
export { WEB_BASE, type WebAppOptions } from './web-static.ts';
