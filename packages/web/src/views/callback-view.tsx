import { useEffect, useState } from 'preact/hooks';
import { useAuth } from '../auth/auth.tsx';
import { completeHostedSignIn } from '../auth/cognito.ts';
import { ErrorText } from '../components/async-view.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { config } from '../config.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';

/** `/app/callback`: where Cognito's hosted UI sends the browser back with an authorization code. */
export function CallbackView() {
  const { t } = useI18n();
  const auth = useAuth();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!config.cognito) {
      setError(new Error(t.signInNoMethod));
      return;
    }
    completeHostedSignIn(config.cognito, location.search)
      .then((token) => auth.signIn(token))
      .then(() => navigate('/', { replace: true }))
      .catch(setError);
  }, []);
  return (
    <div class="narrow">
      <PageTitle>{t.callbackTitle}</PageTitle>
      {error === undefined ? (
        <p role="status">{t.signingIn}</p>
      ) : (
        <div role="alert" class="notice notice-error">
          <p>
            {t.signInFailed} <ErrorText error={error} />
          </p>
          <Link to="/connexion">{t.signInTitle}</Link>
        </div>
      )}
    </div>
  );
}
