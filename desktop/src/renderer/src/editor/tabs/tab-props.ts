import type { Campaign } from '@promo/shared';

export type UpdateCampaign = (next: Campaign | ((current: Campaign) => Campaign), coalesceKey?: string | null) => void;

export interface TabProps {
  campaign: Campaign;
  update: UpdateCampaign;
}
