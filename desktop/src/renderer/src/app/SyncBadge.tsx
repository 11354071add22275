import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSyncState } from '../sync/use-sync-state.js';

/** The header's sync status; clicking opens the sync screen. */
export function SyncBadge() {
  const { t } = useTranslation();
  const state = useSyncState();
  const label =
    state.phase === 'pending'
      ? t('sync.pending', { count: state.pending })
      : state.phase === 'offline'
        ? t('sync.offline', { count: state.pending })
        : state.phase === 'conflict'
          ? t('sync.conflict', { count: state.conflicts })
          : t(`sync.${state.phase}`);
  return (
    <Link to="/sync" className={`sync-badge sync-badge--${state.phase}`} data-testid="sync-status" data-phase={state.phase} data-pending={state.pending} title={state.lastError ?? ''}>
      <span className="sync-badge__dot" aria-hidden />
      {label}
    </Link>
  );
}
