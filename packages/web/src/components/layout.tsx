import type { ComponentChildren } from 'preact';
import { useAuth } from '../auth/auth.tsx';
import { hostedSignOutUrl } from '../auth/cognito.ts';
import { config } from '../config.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router.tsx';
import { allowedItems } from '../views/nav-items.ts';
import { useAnnounce } from './announcer.tsx';

/** Landmarks (banner, navigation, main, contentinfo), skip link, language switch, sign-out. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t, setLocale } = useI18n();
  const auth = useAuth();
  const { path } = useLocation();
  const announce = useAnnounce();
  const items = auth.status === 'signed-in' ? allowedItems(auth.hasRole) : [];
  const other = t.otherLanguageCode === 'en' ? 'en' : 'fr';

  const signOut = () => {
    auth.signOut();
    // With Cognito, end the hosted UI's session too: it sends the browser back to /app/signed-out, which ends
    // ProConnect's session after a ProConnect sign-in.
    if (config.cognito) location.assign(hostedSignOutUrl(config.cognito));
  };
  // Announced in the new language, once its dictionary is in.
  const switchLanguage = () => setLocale(other).then((d) => announce(d.languageSwitched));

  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header class="site-header">
        <div class="header-inner">
          <p class="brand">
            <Link to="/">{t.appName}</Link>
            <span class="tagline">{t.appTagline}</span>
          </p>
          <div class="header-tools">
            <button
              type="button"
              class="btn btn-tertiary"
              lang={other}
              onClick={switchLanguage}
              title={t.otherLanguageHint}
            >
              {t.otherLanguageName}
            </button>
            {auth.status === 'signed-in' && (
              <>
                <span class="whoami">{t.signedInAs(auth.displayName ?? '')}</span>
                <button type="button" class="btn btn-tertiary" onClick={signOut}>
                  {t.signOut}
                </button>
              </>
            )}
          </div>
        </div>
        {items.length > 0 && (
          <nav aria-label={t.navLabel} class="main-nav">
            <ul>
              {items.map((i) => {
                const current = path === i.path || path.startsWith(`${i.path}/`);
                return (
                  <li key={i.path}>
                    <Link to={i.path} aria-current={current ? 'page' : undefined}>
                      {i.label(t)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} class="site-main">
        {children}
      </main>
      <footer class="site-footer">
        <p>{t.footerText}</p>
        <p>
          <a href={`${config.apiBaseUrl}/openapi.json`}>{t.footerApi}</a>
        </p>
      </footer>
    </>
  );
}
