import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { apiJson, setUnauthenticatedHandler } from '../api/http.ts';
import type { Me } from '../api/types.ts';
import { displayNameOf } from './token-claims.ts';

/** The ID token lives for the tab only (sessionStorage): closing the tab signs out. */
const TOKEN_KEY = 'parcours.token';

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
    setToken(undefined);
    setMe(undefined);
    setStatus('signed-out');
  }, []);

  const signIn = useCallback(async (t: string) => {
    setStatus('checking');
    try {
      const who = await apiJson<Me>('/me', { token: t });
      // Creates my profile from the token on first sign-in (display name, e-mail): what HR reports show.
      apiJson('/me/profile', { token: t }).catch(() => undefined);
      sessionStorage.setItem(TOKEN_KEY, t);
      setToken(t);
      setMe(who);
      setExpired(false);
      setStatus('signed-in');
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      setStatus('signed-out');
      throw e;
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
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
