/**
 * Bundled in place of `@aws-sdk/credential-provider-node` (bundling-options.ts): Lambda hands every function its
 * role's credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so the SDK's
 * default chain (SSO, STS web identity, profiles, IMDS… ~130 KB and their load time) is dead weight in a bundle.
 * Outside bundles (tests, the local stack, scripts) the SDK keeps its own chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
