import { useEffect, useState } from 'preact/hooks';
import { proConnectEndSessionUrl, takeProConnectSession } from '../auth/cognito.ts';
import { PageTitle } from '../components/page-title.tsx';
import { config } from '../config.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

/**
 * `/app/signed-out`: where the hosted UI's sign-out comes back. After a ProConnect sign-in, ProConnect's own
 * session is ended too (its end-session endpoint then sends the browser to `/app/`); otherwise, says so.
 */
export function SignedOutView() {
  const { t } = useI18n();
  const [leaving] = useState(() => {
    const proConnect = config.cognito?.proConnect;
    return takeProConnectSession() && proConnect ? proConnectEndSessionUrl(proConnect) : undefined;
  });
  useEffect(() => {
    if (leaving) location.replace(leaving);
  }, [leaving]);
  if (leaving)
    return (
      <p role="status" class="loading">
        {t.signingOutProConnect}
      </p>
    );
  return (
    <div class="narrow">
      <PageTitle>{t.signedOutTitle}</PageTitle>
      <p>{t.signedOutText}</p>
      <p>
        <Link to="/">{t.signInAgain}</Link>
      </p>
    </div>
  );
}
