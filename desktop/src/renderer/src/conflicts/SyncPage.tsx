import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services.js';
import { localKeys, useConflicts, useLocalCampaigns, useOutbox } from '../campaigns/queries.js';
import type { ConflictRecord } from '../db/studio-db.js';
import { intlLocale } from '../i18n/locale-preference.js';
import { currentLocale } from '../i18n/i18n.js';
import { useSyncState } from '../sync/use-sync-state.js';
import { ConflictDialog } from './ConflictDialog.js';
import { resolveConflict, type Resolution } from './resolve-conflict.js';

export function SyncPage() {
  const { t, i18n } = useTranslation();
  const { runner, db, nowMs, toast } = useServices();
  const state = useSyncState();
  const outbox = useOutbox();
  const conflicts = useConflicts();
  const campaigns = useLocalCampaigns();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<ConflictRecord | null>(null);
  const time = (ms: number) => new Intl.DateTimeFormat(intlLocale(currentLocale(i18n)), { dateStyle: 'short', timeStyle: 'medium' }).format(ms);
  const names = new Map((campaigns.data ?? []).map((c) => [c.id, c.doc.name]));

  const resolve = async (conflict: ConflictRecord, resolution: Resolution) => {
    try {
      await resolveConflict(db, conflict.key, resolution, nowMs());
      setOpen(null);
      await queryClient.invalidateQueries({ queryKey: localKeys.all });
      await runner.refreshCounts();
      runner.requestSync();
    } catch (e) {
      toast(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }), undefined, 'error');
    }
  };

  return (
    <div className="stack">
      <div className="page-head">
        <div className="page-head__title">
          <h1>{t('sync.title')}</h1>
          <span className="page-head__sub">{state.lastSyncedAt ? t('sync.lastSynced', { time: time(state.lastSyncedAt) }) : t('sync.never')}</span>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => runner.requestSync()} data-testid="sync-now">
          {t('sync.syncNow')}
        </button>
      </div>
      {state.lastError ? <div className="alert alert--error">{state.lastError}</div> : null}
      {state.retryAt ? <div className="muted small">{t('sync.retryAt', { time: time(state.retryAt) })}</div> : null}
      <div className="grid-2">
        <div className="card">
          <div className="card__head">
            <h2>{t('sync.conflicts')}</h2>
            <span className={`badge ${state.conflicts ? 'badge--dirty' : ''}`}>{state.conflicts}</span>
          </div>
          {(conflicts.data ?? []).length === 0 ? (
            <div className="empty">{t('sync.conflictsEmpty')}</div>
          ) : (
            <table className="table">
              <tbody>
                {(conflicts.data ?? []).map((c) => (
                  <tr key={c.key} data-testid="conflict-row">
                    <td>{String(c.mine.name ?? c.entityId)}</td>
                    <td className="muted small">v{c.serverVersion}</td>
                    <td className="num">
                      <button type="button" className="btn btn--small btn--primary" onClick={() => setOpen(c)} data-testid="conflict-resolve">
                        {t('sync.resolve')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="card">
          <div className="card__head">
            <h2>{t('sync.outbox')}</h2>
            <span className="badge">{state.pending}</span>
          </div>
          {(outbox.data ?? []).length === 0 ? (
            <div className="empty">{t('sync.outboxEmpty')}</div>
          ) : (
            <table className="table table--compact">
              <tbody>
                {(outbox.data ?? []).map((entry) => (
                  <tr key={entry.key} data-testid="outbox-row">
                    <td>{names.get(entry.entityId) ?? entry.entityId}</td>
                    <td>
                      <span className="badge">{entry.op === 'delete' ? t('sync.deleteOp') : t('sync.upsertOp')}</span>
                    </td>
                    <td className="muted small num">{time(entry.enqueuedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      {open ? <ConflictDialog conflict={open} onCancel={() => setOpen(null)} onResolve={(r) => void resolve(open, r)} /> : null}
    </div>
  );
}
