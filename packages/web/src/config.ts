/**
 * Runtime settings, read from `window.PARCOURS_CONFIG` that `/app/config.js` sets before the app starts: the same
 * build runs locally (API on the same origin, demo sign-in) and on AWS (API behind CloudFront's `/api/*`, Cognito).
 */
export interface CognitoConfig {
  /**
   * The hosted UI's origin: `https://<prefix>.auth.<region>.amazoncognito.com` on AWS, the local stand-in's origin
   * under `npm start` (packages/local/src/hosted-ui.ts). `/oauth2/authorize`, `/oauth2/token` and `/logout` hang
   * from it.
   */
  baseUrl: string;
  clientId: string;
  /** Defaults to `<origin>/app/callback`. */
  redirectUri?: string;
  scopes?: string[];
  /** When the pool federates ProConnect: the sign-in button, and the end of the ProConnect session at sign-out. */
  proConnect?: ProConnectConfig;
  /**
   * Whether the hosted UI signs in the pool's own accounts (people without ProConnect: external trainers). Default
   * true; false locally, where those sign in with the quick demo sign-in.
   */
  native?: boolean;
}

export interface ProConnectConfig {
  /** The identity provider's name in the user pool (`identity_provider=` of the authorize request). */
  provider: string;
  /** ProConnect's `end_session_endpoint` (from its discovery document). */
  endSessionUrl: string;
  /** The pool's client id at ProConnect (public: it names the client on the end-session request). */
  clientId: string;
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
    ...(raw.cognito?.baseUrl && raw.cognito.clientId ? { cognito: raw.cognito } : {}),
    ...(Array.isArray(raw.demoUsers) && raw.demoUsers.length ? { demoUsers: raw.demoUsers } : {}),
  };
}

export const config = readConfig();
