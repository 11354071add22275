import type { CampaignKind } from '@promo/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../app/services.js';
import { createCampaignDraft, newId } from '../templates/kind-templates.js';
import { useSaveCampaign } from './mutations.js';

const DAY = 86_400_000;

/** Creates a draft of `kind` from its template (a week from the next full hour) and opens it. */
export function useCreateCampaign() {
  const { t } = useTranslation();
  const { db, nowMs } = useServices();
  const save = useSaveCampaign();
  const navigate = useNavigate();
  return async (kind: CampaignKind, themeId?: string) => {
    const sampleSkus = (await db.catalog.limit(3).toArray()).map((i) => i.sku);
    const start = Math.ceil(nowMs() / 3_600_000) * 3_600_000;
    const campaign = createCampaignDraft(kind, {
      id: newId('cmp'),
      name: t('campaigns.newName', { kind: t(`kinds.${kind}`) }),
      start: new Date(start).toISOString(),
      end: new Date(start + 7 * DAY).toISOString(),
      sampleSkus,
      ...(themeId ? { themeId } : {}),
    });
    await save.mutateAsync(campaign);
    await navigate(`/campaigns/${campaign.id}`);
  };
}
