import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { validateGraph, type Campaign } from '@promo/shared';
import { useServices } from '../app/services.js';
import { canEdit } from '../auth/session.js';
import { campaignFileName, serializeCampaignFile } from '../campaigns/campaign-file.js';
import { useDeleteCampaign } from '../campaigns/mutations.js';
import { useLocalCampaign, useLocalThemes } from '../campaigns/queries.js';
import { useCatalog } from '../catalog/queries.js';
import { currentLocale } from '../i18n/i18n.js';
import { GraphEditor } from './graph/GraphEditor.js';
import { LimitsTab } from './tabs/LimitsTab.js';
import { OfferTab } from './tabs/OfferTab.js';
import { PublishTab } from './tabs/PublishTab.js';
import { ScheduleTab } from './tabs/ScheduleTab.js';
import { TargetingTab } from './tabs/TargetingTab.js';
import { VariantsTab } from './tabs/VariantsTab.js';
import { editorSaveState } from './save-state.js';
import { useCampaignHistory } from './use-campaign-history.js';

const TABS = ['graph', 'offer', 'targeting', 'limits', 'schedule', 'variants', 'publish'] as const;
type Tab = (typeof TABS)[number];

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function CampaignEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const local = useLocalCampaign(id);
  if (local.isLoading) return <div className="muted">{t('common.loading')}</div>;
  if (!local.data) {
    return (
      <div className="empty">
        <h2>{t('editor.notFound')}</h2>
        <Link to="/campaigns">{t('common.back')}</Link>
      </div>
    );
  }
  return <CampaignEditor key={id} stored={local.data.doc} storedBase={local.data.baseVersion} dirty={local.data.dirty} />;
}

function CampaignEditor({ stored, storedBase, dirty }: { stored: Campaign; storedBase: number; dirty: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const { session, platform, toast } = useServices();
  const navigate = useNavigate();
  const catalog = useCatalog();
  const remove = useDeleteCampaign();
  const themes = useLocalThemes();
  const { campaign, update, undo, redo, canUndo, canRedo, isSaving, hasUnsavedEdit } = useCampaignHistory(stored, storedBase);
  const [tab, setTab] = useState<Tab>('graph');
  const saveState = editorSaveState({ hasUnsavedEdit, isSaving, dirty });
  const readOnly = !canEdit(session.user.role) || campaign.status === 'archived';
  const problems = useMemo(() => validateGraph(campaign.graph, campaign.kind), [campaign.graph, campaign.kind]);
  const skuOptions = useMemo(() => (catalog.data?.items ?? []).map((i) => i.sku), [catalog.data]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    };
    const exportFile = async () => {
      if (await platform.exportCampaign(campaignFileName(campaign), serializeCampaignFile(campaign))) toast(t('common.exported'), undefined, 'success');
    };
    const onMenu = (event: Event) => {
      const command = (event as CustomEvent<string>).detail;
      if (command === 'undo') undo();
      else if (command === 'redo') redo();
      else if (command === 'export-campaign') void exportFile();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('studio-menu', onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('studio-menu', onMenu);
    };
  }, [undo, redo, platform, campaign, toast, t]);

  const exportCampaign = async () => {
    if (await platform.exportCampaign(campaignFileName(campaign), serializeCampaignFile(campaign))) toast(t('common.exported'), undefined, 'success');
  };

  return (
    <div data-testid="campaign-editor" data-campaign-id={campaign.id}>
      <div className="page-head">
        <Link to="/campaigns" className="btn btn--ghost btn--small">
          ← {t('common.back')}
        </Link>
        <input
          className="input"
          style={{ width: 220, fontSize: 16, fontWeight: 600 }}
          value={campaign.name}
          disabled={readOnly}
          onChange={(e) => update((c) => ({ ...c, name: e.target.value }), 'name')}
          aria-label={t('editor.name')}
          data-testid="campaign-name"
        />
        <input
          className="input"
          style={{ width: 170 }}
          placeholder={t('editor.nameEn')}
          value={campaign.nameEn ?? ''}
          disabled={readOnly}
          onChange={(e) => update((c) => ({ ...c, nameEn: e.target.value || undefined }), 'nameEn')}
          data-testid="campaign-name-en"
        />
        <select
          className="select"
          style={{ maxWidth: 180 }}
          value={campaign.themeId ?? ''}
          disabled={readOnly}
          onChange={(e) =>
            update((c) => {
              const { themeId: _old, ...rest } = c;
              return e.target.value ? { ...rest, themeId: e.target.value } : rest;
            })
          }
          aria-label={t('campaigns.theme')}
          data-testid="campaign-theme"
        >
          <option value="">
            {t('campaigns.theme')}: {t('common.none')}
          </option>
          {(themes.data ?? []).map((th) => (
            <option key={th.id} value={th.id}>
              {locale === 'en' && th.doc.nameEn ? th.doc.nameEn : th.doc.name}
            </option>
          ))}
        </select>
        <span className="badge badge--kind">{t(`kinds.${campaign.kind}`)}</span>
        <span className={`badge badge--${campaign.status}`} data-testid="campaign-status">
          {t(`status.${campaign.status}`)}
        </span>
        <span className="spacer" />
        <span className="muted small save-state" data-testid="save-state" data-dirty={dirty || hasUnsavedEdit ? 'true' : 'false'} data-state={saveState}>
          {t(`editor.saveState.${saveState}`)}
        </span>
        {!readOnly && campaign.status === 'draft' ? (
          <button
            type="button"
            className="btn btn--ghost btn--danger"
            onClick={() => {
              if (!window.confirm(t('campaigns.deleteConfirm', { name: campaign.name }))) return;
              remove.mutate(campaign.id, { onSuccess: () => void navigate('/campaigns') });
            }}
            data-testid="delete-campaign"
          >
            {t('common.delete')}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => void exportCampaign()} data-testid="export-campaign">
          {t('editor.export')}
        </button>
        <button type="button" className="btn btn--accent" onClick={() => void navigate(`/simulator?draft=${encodeURIComponent(campaign.id)}`)} data-testid="simulate-campaign">
          {t('editor.simulate')}
        </button>
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((key) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} className={`tab ${tab === key ? 'tab--active' : ''}`} onClick={() => setTab(key)} data-testid={`tab-${key}`}>
            {t(`editor.tabs.${key}`)}
            {key === 'graph' && problems.length > 0 ? <span className="tab__count">{problems.length}</span> : null}
          </button>
        ))}
      </div>
      {tab === 'graph' ? (
        <GraphEditor
          graph={campaign.graph}
          kind={campaign.kind}
          problems={problems}
          onChange={(graph, key) => update((c) => ({ ...c, graph }), key ?? null)}
          onUndo={undo}
          onRedo={redo}
          canUndo={canUndo}
          canRedo={canRedo}
          skuOptions={skuOptions}
          readOnly={readOnly}
        />
      ) : null}
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        {tab === 'offer' ? <OfferTab campaign={campaign} update={update} problems={problems} skuOptions={skuOptions} locale={locale} /> : null}
        {tab === 'targeting' ? <TargetingTab campaign={campaign} update={update} /> : null}
        {tab === 'limits' ? <LimitsTab campaign={campaign} update={update} /> : null}
        {tab === 'schedule' ? <ScheduleTab campaign={campaign} update={update} /> : null}
        {tab === 'variants' ? <VariantsTab campaign={campaign} update={update} /> : null}
      </fieldset>
      {tab === 'publish' ? <PublishTab campaign={campaign} dirty={dirty} problems={problems} /> : null}
    </div>
  );
}
