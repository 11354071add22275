import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, GraphProblem } from '@promo/shared';
import { ApiError } from '../../api/api-error.js';
import { useServices } from '../../app/services.js';
import { canPublish } from '../../auth/session.js';
import { useLocalCampaigns } from '../../campaigns/queries.js';
import { currentLocale } from '../../i18n/i18n.js';
import { intlLocale } from '../../i18n/locale-preference.js';
import { OverlapPanel } from '../../simulator/OverlapPanel.js';
import { useSyncState } from '../../sync/use-sync-state.js';
import { allowedActions, publishProblems } from '../publish/publish-checks.js';
import { useAudit, useLifecycle, useVersions } from '../publish/queries.js';

interface Props {
  campaign: Campaign;
  dirty: boolean;
  problems: readonly GraphProblem[];
}

const when = (ms: number, locale: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(ms);

/** Validate → publish (needs the server and, when configured, the approver role); history and audit. */
export function PublishTab({ campaign, dirty, problems }: Props) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { session, toast } = useServices();
  const sync = useSyncState();
  const campaigns = useLocalCampaigns();
  const online = sync.online && sync.reachable;
  const blocking = useMemo(() => publishProblems(campaign, problems), [campaign, problems]);
  const lifecycle = useLifecycle(campaign.id);
  const synced = campaign.version > 0 || !dirty;
  const versions = useVersions(campaign.id, online && synced);
  const audit = useAudit(campaign.id, online && synced);
  const actions = allowedActions(campaign.status);
  // The server decides whether approval is required; planners see the button and get a clear 403.
  const mayPublish = canPublish(session.user.role, false);

  const run = (action: (typeof actions)[number]) =>
    lifecycle.mutate(action, {
      onSuccess: (result) => toast(t('publish.published', { status: t(`status.${result.status}`) }), undefined, 'success'),
      onError: (e) =>
        toast(e instanceof ApiError && e.status === 403 ? t('publish.forbidden') : t('errors.generic', { message: e.message }), e instanceof ApiError ? e.code : undefined, 'error'),
    });

  return (
    <div className="stack" data-testid="publish-tab">
      <div>
        <div className="card">
          <div className="card__head">
            <h2>{t('publish.title')}</h2>
          </div>
          <div className="card__body stack">
            {blocking.length === 0 ? (
              <div className="alert alert--success" data-testid="publish-valid">
                {t('publish.valid')}
              </div>
            ) : (
              <div className="alert alert--error" data-testid="publish-invalid">
                <strong>{t('publish.invalid', { count: blocking.length })}</strong>
                <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
                  {blocking.map((p, i) => (
                    <li key={i}>{p.message[locale]}</li>
                  ))}
                </ul>
              </div>
            )}
            {!online ? <div className="alert alert--warning">{t('publish.needsServer')}</div> : null}
            {online && dirty ? <div className="alert alert--info">{t('publish.needsSync')}</div> : null}
            <div className="muted small">{t('publish.scheduleHint')}</div>
            <div className="row">
              {actions.map((action) => (
                <button
                  key={action}
                  type="button"
                  className={`btn ${action === 'publish' ? 'btn--primary' : ''}`}
                  disabled={!online || dirty || lifecycle.isPending || (action === 'publish' && (blocking.length > 0 || !mayPublish))}
                  onClick={() => run(action)}
                  data-testid={`lifecycle-${action}`}
                >
                  {action === 'publish' ? t('publish.publishNow') : t(`publish.${action}`)}
                </button>
              ))}
            </div>
          </div>
        </div>
      </div>
      <OverlapPanel focus={campaign} campaigns={(campaigns.data ?? []).map((c) => c.doc)} />
      <div className="grid-2">
        <div className="card">
          <div className="card__head">
            <h3>{t('publish.versions')}</h3>
          </div>
          {(versions.data ?? []).length === 0 ? (
            <div className="empty">{t('publish.noVersions')}</div>
          ) : (
            <table className="table table--compact" data-testid="versions">
              <tbody>
                {(versions.data ?? []).map((v) => (
                  <tr key={v.version}>
                    <td>v{v.version}</td>
                    <td>{v.publishedBy}</td>
                    <td className="num muted small">{when(v.publishedAt, intlLocale(locale))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="card">
          <div className="card__head">
            <h3>{t('publish.audit')}</h3>
          </div>
          {(audit.data ?? []).length === 0 ? (
            <div className="empty">{t('publish.noAudit')}</div>
          ) : (
            <table className="table table--compact" data-testid="audit">
              <tbody>
                {(audit.data ?? []).map((entry) => (
                  <tr key={entry.id}>
                    <td>{entry.action}</td>
                    <td>{entry.actor}</td>
                    <td className="muted small mono">
                      {entry.diff
                        .slice(0, 3)
                        .map((d) => d.path)
                        .join(', ')}
                      {entry.diff.length > 3 ? ` +${entry.diff.length - 3}` : ''}
                    </td>
                    <td className="num muted small">{when(entry.at, intlLocale(locale))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </div>
  );
}
