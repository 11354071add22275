import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginPage } from '../auth/LoginPage.js';
import { loadSession, saveSession, type Session } from '../auth/session.js';
import { currentLocale } from '../i18n/i18n.js';
import { LOCALE_STORAGE_KEY } from '../i18n/locale-preference.js';
import { Studio } from './Studio.js';

/** Signed out: the login screen. Signed in: the studio for that session (its own local database). */
export function App() {
  const { i18n } = useTranslation();
  const [session, setSession] = useState<Session | null>(() => loadSession(localStorage));

  const signIn = (next: Session) => {
    saveSession(localStorage, next);
    setSession(next);
    if (window.location.hash.startsWith('#/login')) {
      const next = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('next');
      window.location.hash = next ?? '/campaigns';
    }
  };
  // Stable: the studio's resources (database, sync runner) are keyed on it.
  const signOut = useCallback(() => {
    saveSession(localStorage, null);
    setSession(null);
  }, []);
  const toggleLanguage = () => {
    const next = currentLocale(i18n) === 'zh' ? 'en' : 'zh';
    void i18n.changeLanguage(next);
    localStorage.setItem(LOCALE_STORAGE_KEY, next);
  };

  if (!session) return <LoginPage onSignedIn={signIn} needsServerUrl={Boolean(window.studio)} onToggleLanguage={toggleLanguage} />;
  return <Studio key={`${session.apiBase}|${session.user.username}|${session.token}`} session={session} onSignOut={signOut} />;
}
