import { useState } from 'preact/hooks';
import { apiJson } from '../api/http.ts';
import { useAuth } from '../auth/auth.tsx';
import { forgetHostedSession, startHostedSignIn } from '../auth/cognito.ts';
import { ErrorText } from '../components/async-view.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { config, type DemoUser } from '../config.ts';
import { useNames } from '../hooks/use-names.ts';
import type { Dictionary } from '../i18n/fr.ts';
import { useI18n } from '../i18n/i18n.tsx';

const roleName = (t: Dictionary, role: string) =>
  ({ learner: t.roleLearner, trainer: t.roleTrainer, hr: t.roleHr, lab: t.roleLab })[role] ?? role;

/**
 * Sign-in: ProConnect (agents) and the pool's own accounts (people without ProConnect), both through Cognito's
 * hosted UI; on the local stack, also a demo person signed by `POST /_local/token`.
 */
export function SignInView() {
  const { t } = useI18n();
  const auth = useAuth();
  const { serviceName } = useNames();
  const users = config.demoUsers ?? [];
  const cognito = config.cognito;
  const proConnect = cognito?.proConnect;
  const native = cognito !== undefined && cognito.native !== false;
  const [selected, setSelected] = useState(users[0]?.userId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [hostedError, setHostedError] = useState<unknown>();

  const signInHosted = (provider?: string) => {
    if (!cognito) return;
    setHostedError(undefined);
    startHostedSignIn(cognito, provider).catch(setHostedError);
  };

  const signInAsDemo = async (e: Event) => {
    e.preventDefault();
    const user = users.find((u) => u.userId === selected);
    if (!user) return;
    setBusy(true);
    setError(undefined);
    forgetHostedSession();
    try {
      const { token } = await apiJson<{ token: string }>('/_local/token', {
        method: 'POST',
        body: tokenRequest(user),
      });
      await auth.signIn(token);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <PageTitle>{t.signInTitle}</PageTitle>
      <p>{t.signInIntro}</p>
      {auth.expired && (
        <p class="notice notice-info" role="status">
          {t.sessionExpired}
        </p>
      )}
      {proConnect && (
        <div class="sign-in-method">
          <p id="sign-in-proconnect-hint">{t.signInProConnectHint}</p>
          <button
            type="button"
            class="btn btn-primary"
            aria-describedby="sign-in-proconnect-hint"
            onClick={() => signInHosted(proConnect.provider)}
          >
            {t.signInProConnect}
          </button>
        </div>
      )}
      {native && (
        <div class="sign-in-method">
          <p id="sign-in-native-hint">{t.signInNativeHint}</p>
          <button
            type="button"
            class={proConnect ? 'btn btn-secondary' : 'btn btn-primary'}
            aria-describedby="sign-in-native-hint"
            onClick={() => signInHosted()}
          >
            {t.signInNative}
          </button>
        </div>
      )}
      {hostedError !== undefined && (
        <p role="alert" class="notice notice-error">
          {t.signInFailed} <ErrorText error={hostedError} />
        </p>
      )}
      {users.length > 0 && (
        <form onSubmit={signInAsDemo} class="card">
          <p>{t.signInDemoIntro}</p>
          <fieldset>
            <legend>{t.signInDemoLegend}</legend>
            {users.map((u) => (
              <div class="radio" key={u.userId}>
                <input
                  type="radio"
                  id={`demo-${u.userId}`}
                  name="demo-user"
                  value={u.userId}
                  checked={selected === u.userId}
                  onChange={() => setSelected(u.userId)}
                  aria-describedby={`demo-${u.userId}-desc`}
                />
                <label for={`demo-${u.userId}`}>{u.name}</label>
                <span id={`demo-${u.userId}-desc`} class="hint">
                  {t.demoUserDescription(
                    u.roles.map((r) => roleName(t, r)).join(', '),
                    u.service ? serviceName(u.service) : t.none,
                  )}
                </span>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t.signInButton}
          </button>
          {busy && (
            <p role="status" class="loading">
              {t.signingIn}
            </p>
          )}
          {error !== undefined && (
            <p role="alert" class="notice notice-error">
              <ErrorText error={error} />
            </p>
          )}
        </form>
      )}
      {!proConnect && !native && users.length === 0 && <p class="notice notice-error">{t.signInNoMethod}</p>}
    </div>
  );
}

function tokenRequest(u: DemoUser) {
  return {
    userId: u.userId,
    roles: u.roles,
    name: u.name,
    ...(u.email ? { email: u.email } : {}),
    ...(u.service ? { service: u.service } : {}),
    ...(u.hrServices ? { hrServices: u.hrServices } : {}),
  };
}
