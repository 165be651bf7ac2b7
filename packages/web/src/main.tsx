import { render } from 'preact';
import { App } from './app.tsx';
import { AuthProvider } from './auth/auth.tsx';
import { AnnouncerProvider } from './components/announcer.tsx';
import { I18nProvider, loadDictionary, savedLocale } from './i18n/i18n.tsx';
import './styles.css';

const root = document.getElementById('app');
const dictionary = await loadDictionary(savedLocale());
if (root)
  render(
    <I18nProvider initial={dictionary}>
      <AnnouncerProvider>
        <AuthProvider>
          <App />
        </AuthProvider>
      </AnnouncerProvider>
    </I18nProvider>,
    root,
  );
