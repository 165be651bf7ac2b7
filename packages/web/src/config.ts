/**
 * Runtime settings, read from `window.PARCOURS_CONFIG` that `/app/config.js` sets before the app starts: the same
 * build runs locally (API on the same origin, demo sign-in) and on AWS (API behind CloudFront's `/api/*`, Cognito).
 */
export interface CognitoConfig {
  /** Hosted UI domain, e.g. `parcours.auth.eu-west-3.amazoncognito.com` (no scheme). */
  domain: string;
  clientId: string;
  /** Defaults to `<origin>/app/callback`. */
  redirectUri?: string;
  scopes?: string[];
}

export interface DemoUser {
  userId: string;
  roles: string[];
  name: string;
  email?: string;
  service?: string;
  hrServices?: string[];
}

export interface ParcoursConfig {
  /** Prefix of every API call: '' (same origin, local), '/api' (CloudFront behaviour) or an absolute URL. */
  apiBaseUrl: string;
  cognito?: CognitoConfig;
  /** Local stack only: people to sign in as through `POST /_local/token`. */
  demoUsers?: DemoUser[];
}

declare global {
  interface Window {
    PARCOURS_CONFIG?: Partial<ParcoursConfig>;
  }
}

export function readConfig(): ParcoursConfig {
  const raw = window.PARCOURS_CONFIG ?? {};
  return {
    apiBaseUrl: (raw.apiBaseUrl ?? '').replace(/\/$/, ''),
    ...(raw.cognito?.domain && raw.cognito.clientId ? { cognito: raw.cognito } : {}),
    ...(Array.isArray(raw.demoUsers) && raw.demoUsers.length ? { demoUsers: raw.demoUsers } : {}),
  };
}

export const config = readConfig();
