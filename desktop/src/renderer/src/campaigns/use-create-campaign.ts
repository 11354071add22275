import type { CampaignKind, Theme } from '@promo/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../app/services.js';
import { createCampaignDraft, newId } from '../templates/kind-templates.js';
import { useSaveCampaign } from './mutations.js';

const DAY = 86_400_000;

/**
 * Creates a draft of `kind` from its template and opens it: inside the theme's window when given
 * one, else for a week from the next full hour.
 */
export function useCreateCampaign() {
  const { t } = useTranslation();
  const { db, nowMs } = useServices();
  const save = useSaveCampaign();
  const navigate = useNavigate();
  return async (kind: CampaignKind, theme?: Pick<Theme, 'id' | 'start' | 'end'>) => {
    const sampleSkus = (await db.catalog.limit(3).toArray()).map((i) => i.sku);
    const start = Math.ceil(nowMs() / 3_600_000) * 3_600_000;
    const campaign = createCampaignDraft(kind, {
      id: newId('cmp'),
      name: t('campaigns.newName', { kind: t(`kinds.${kind}`) }),
      start: theme?.start ?? new Date(start).toISOString(),
      end: theme?.end ?? new Date(start + 7 * DAY).toISOString(),
      sampleSkus,
      ...(theme ? { themeId: theme.id } : {}),
    });
    await save.mutateAsync(campaign);
    await navigate(`/campaigns/${campaign.id}`);
  };
}
