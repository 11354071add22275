import { reasonMessage } from '../i18n/reason-messages.js';
import type { IndexedCampaign } from './candidate-index.js';
import type { AppliedCampaign, NotAppliedCampaign, UpsellHint } from './quote.schema.js';
import type { ReasonCode } from './reason.js';

/** What the stages found out about campaigns, collected while pricing one cart. */
export interface QuoteReport {
  readonly applied: AppliedCampaign[];
  readonly notApplied: NotAppliedCampaign[];
  readonly upsell: UpsellHint[];
}

export function createQuoteReport(): QuoteReport {
  return { applied: [], notApplied: [], upsell: [] };
}

/** Records that a campaign which targeted the cart did not apply, with its zh/en message. */
export function reportNotApplied(report: QuoteReport, entry: IndexedCampaign, reason: ReasonCode): void {
  report.notApplied.push({ campaignId: entry.id, kind: entry.kind, reason, message: reasonMessage(reason) });
}
