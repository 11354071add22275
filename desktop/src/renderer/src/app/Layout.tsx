import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LOCALE_STORAGE_KEY } from '../i18n/locale-preference.js';
import { currentLocale } from '../i18n/i18n.js';
import { decideRoute } from './route-guard.js';
import { useServices } from './services.js';
import { SyncBadge } from './SyncBadge.js';

const NAV = [
  { to: '/campaigns', key: 'nav.campaigns', icon: '▦' },
  { to: '/themes', key: 'nav.themes', icon: '◷' },
  { to: '/catalog', key: 'nav.catalog', icon: '☰' },
  { to: '/simulator', key: 'nav.simulator', icon: '⚖' },
  { to: '/reports', key: 'nav.reports', icon: '▤' },
  { to: '/live', key: 'nav.live', icon: '◉' },
  { to: '/sync', key: 'nav.sync', icon: '⇅' },
] as const;

/** The studio frame: sidebar navigation, header (sync status, language, user), the current screen. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { session, signOut, platform, runner } = useServices();
  const location = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    const decision = decideRoute(true, location.pathname);
    if (decision.kind === 'redirect') void navigate(decision.to, { replace: true });
  }, [location.pathname, navigate]);

  const toggleLanguage = () => {
    const next = currentLocale(i18n) === 'zh' ? 'en' : 'zh';
    void i18n.changeLanguage(next);
    localStorage.setItem(LOCALE_STORAGE_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  };

  // The native menu follows the studio's language.
  useEffect(() => {
    void platform.setLocale(currentLocale(i18n));
  }, [platform, i18n, i18n.language]);

  useEffect(
    () =>
      platform.onMenu((command) => {
        if (command === 'toggle-language') toggleLanguage();
        else if (command === 'sync-now') runner.requestSync();
        else if (command === 'open-simulator') void navigate('/simulator');
        else if (command === 'new-campaign') void navigate('/campaigns?new=1');
        else window.dispatchEvent(new CustomEvent('studio-menu', { detail: command }));
      }),
    // toggleLanguage closes over i18n and platform only, both stable for the session.
    [platform, runner, navigate],
  );

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand__mark">促</span>
          <div>
            <div className="brand__name">{t('app.name')}</div>
            <div className="brand__tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav className="nav">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} className="nav__item" data-testid={`nav-${item.to.slice(1)}`}>
              <span className="nav__icon" aria-hidden>
                {item.icon}
              </span>
              {t(item.key)}
            </NavLink>
          ))}
        </nav>
        <div className="sidebar__foot">{t('header.offlineMode')}</div>
      </aside>
      <div className="main">
        <header className="header">
          <div className="header__spacer" />
          <SyncBadge />
          <button type="button" className="btn btn--ghost" onClick={toggleLanguage} data-testid="language-toggle">
            {t('header.language')}
          </button>
          <div className="user" data-testid="user-menu">
            <span className="user__avatar">{(session.user.displayName || session.user.username).slice(0, 1).toUpperCase()}</span>
            <div className="user__text">
              <div className="user__name">{session.user.displayName || session.user.username}</div>
              <div className="user__role">{t(`roles.${session.user.role}`)}</div>
            </div>
            <button type="button" className="btn btn--ghost btn--small" onClick={signOut} data-testid="logout">
              {t('header.logout')}
            </button>
          </div>
        </header>
        <main className="content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
