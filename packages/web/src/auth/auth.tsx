import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { apiJson, setUnauthenticatedHandler } from '../api/http.ts';
import type { Me, SignInAnswer } from '../api/types.ts';
import { type CognitoConfig, config } from '../config.ts';
import { forgetHostedTokens, hasRefreshToken, refreshIdToken } from './cognito.ts';
import { displayNameOf } from './token-claims.ts';

/** The ID token lives for the tab only (sessionStorage): closing the tab signs out. */
const TOKEN_KEY = 'parcours.token';
/** The pool mirrors a role change asynchronously: a refresh may still read the old roles for a moment. */
const REFRESH_ATTEMPTS = 4;
const REFRESH_PAUSE_MS = 1000;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `POST /me/sign-in`: provisions me at first sign-in; says whether this token is behind my stored roles. */
const recordSignIn = (token: string) => apiJson<SignInAnswer>('/me/sign-in', { method: 'POST', token });

/**
 * Refreshes the ID token until the API says it has caught up with the stored roles and scope (up to 4 attempts,
 * 1 s apart); answers the freshest token obtained. A refused refresh keeps the token at hand: the API re-reads
 * the stored roles on sensitive writes anyway.
 */
async function catchUp(cfg: CognitoConfig, token: string): Promise<string> {
  let freshest = token;
  for (let attempt = 1; attempt <= REFRESH_ATTEMPTS; attempt++) {
    if (attempt > 1) await pause(REFRESH_PAUSE_MS);
    try {
      freshest = await refreshIdToken(cfg);
      if (!(await recordSignIn(freshest)).refreshToken) return freshest;
    } catch {
      return freshest;
    }
  }
  return freshest;
}

export type Role = Me['roles'][number];

export interface Auth {
  status: 'checking' | 'signed-out' | 'signed-in';
  token?: string;
  me?: Me;
  displayName?: string;
  /** Set when the last session ended on its own (expired token). */
  expired: boolean;
  signIn: (token: string) => Promise<void>;
  signOut: () => void;
  hasRole: (r: Role) => boolean;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children }: { children: ComponentChildren }) {
  const [token, setToken] = useState<string | undefined>(
    () => sessionStorage.getItem(TOKEN_KEY) ?? undefined,
  );
  const [me, setMe] = useState<Me | undefined>();
  const [status, setStatus] = useState<Auth['status']>(token ? 'checking' : 'signed-out');
  const [expired, setExpired] = useState(false);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    forgetHostedTokens();
    setToken(undefined);
    setMe(undefined);
    setStatus('signed-out');
  }, []);

  const signIn = useCallback(async (t: string) => {
    setStatus('checking');
    try {
      let fresh = t;
      const { refreshToken } = await recordSignIn(t);
      // Roles or scope changed since the token was issued (first sign-in, a grant): a new token carries them.
      // Without a refresh token (the local demo sign-in) the token is what it is.
      if (refreshToken && config.cognito && hasRefreshToken()) fresh = await catchUp(config.cognito, t);
      // Creates my profile from the token on first sign-in (display name, e-mail): what HR reports show.
      apiJson('/me/profile', { token: fresh }).catch(() => undefined);
      const who = await apiJson<Me>('/me', { token: fresh });
      sessionStorage.setItem(TOKEN_KEY, fresh);
      setToken(fresh);
      setMe(who);
      setExpired(false);
      setStatus('signed-in');
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      forgetHostedTokens();
      setStatus('signed-out');
      throw e;
    }
  }, []);

  useEffect(() => {
    let renewing = false;
    setUnauthenticatedHandler(() => {
      // An ID token lives an hour, the refresh token a month: renew once, quietly, before signing the person out.
      if (config.cognito && hasRefreshToken()) {
        if (renewing) return;
        renewing = true;
        refreshIdToken(config.cognito)
          .then((fresh) => signIn(fresh))
          .catch(() => {
            setExpired(true);
            signOut();
          })
          .finally(() => {
            renewing = false;
          });
        return;
      }
      setExpired(true);
      signOut();
    });
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) signIn(saved).catch(() => setExpired(true));
  }, [signIn, signOut]);

  const value = useMemo<Auth>(
    () => ({
      status,
      ...(token ? { token, displayName: displayNameOf(token) ?? me?.userId } : {}),
      ...(me ? { me } : {}),
      expired,
      signIn,
      signOut,
      hasRole: (r) => me?.roles.includes(r) ?? false,
    }),
    [status, token, me, expired, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The token of a signed-in view (views render only once signed in). */
export function useToken(): string {
  const { token } = useAuth();
  if (!token) throw new Error('not signed in');
  return token;
}
