import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import { createHttpClient } from '../api/http-client.js';
import { createStudioApi } from '../api/studio-api.js';
import type { Session } from './session.js';

interface Props {
  onSignedIn: (session: Session) => void;
  /** Electron has no same origin: the server URL must be given. */
  needsServerUrl: boolean;
  onToggleLanguage: () => void;
}

export function LoginPage({ onSignedIn, needsServerUrl, onToggleLanguage }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [apiBase, setApiBase] = useState(needsServerUrl ? 'http://127.0.0.1:3000' : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const api = createStudioApi(createHttpClient({ baseUrl: apiBase.trim(), getToken: () => null }));
      const result = await api.login(username.trim(), password);
      onSignedIn({ token: result.token, user: result.user, apiBase: apiBase.trim() });
    } catch (e) {
      const message = e instanceof ApiError && e.isNetwork ? t('login.networkFailed') : e instanceof Error ? e.message : String(e);
      setError(t('login.failed', { message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="login__card" onSubmit={(e) => void submit(e)} data-testid="login-form">
        <div className="login__brand">
          <span className="brand__mark brand__mark--large">促</span>
          <h1>{t('login.title')}</h1>
        </div>
        <label className="field">
          <span className="field__label">{t('login.username')}</span>
          <input className="input" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} data-testid="login-username" required />
        </label>
        <label className="field">
          <span className="field__label">{t('login.password')}</span>
          <input className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="login-password" required />
        </label>
        <label className="field">
          <span className="field__label">{t('login.server')}</span>
          <input className="input" value={apiBase} placeholder={t('login.serverHint')} onChange={(e) => setApiBase(e.target.value)} data-testid="login-server" />
        </label>
        {error ? (
          <div className="alert alert--error" data-testid="login-error">
            {error}
          </div>
        ) : null}
        <button className="btn btn--primary btn--block" type="submit" disabled={busy} data-testid="login-submit">
          {t('login.submit')}
        </button>
        <button type="button" className="btn btn--ghost btn--block" onClick={onToggleLanguage} data-testid="language-toggle">
          {t('header.language')}
        </button>
      </form>
    </div>
  );
}
