import { CampaignSchema, validateExperiment, validateSchedule, type Campaign, type CampaignStatus, type GraphProblem, type LocalizedText } from '@promo/shared';
import type { LifecycleAction } from '../../api/studio-api.js';

export interface PublishProblem {
  source: 'graph' | 'schedule' | 'experiment' | 'document';
  message: LocalizedText;
}

/** Everything that blocks publishing, checked locally (the server validates again). */
export function publishProblems(campaign: Campaign, graphProblems: readonly GraphProblem[]): PublishProblem[] {
  const out: PublishProblem[] = graphProblems.map((p) => ({ source: 'graph', message: p.message }));
  for (const p of validateSchedule(campaign.schedule)) out.push({ source: 'schedule', message: p.message });
  if (campaign.experiment) for (const p of validateExperiment(campaign.experiment)) out.push({ source: 'experiment', message: p.message });
  const parsed = CampaignSchema.safeParse(campaign);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const where = issue.path.join('.');
      out.push({ source: 'document', message: { zh: `${where}：${issue.message}`, en: `${where}: ${issue.message}` } });
    }
  }
  return out;
}

/** Lifecycle buttons per status (design: draft → scheduled → live ⇄ paused → ended → archived). */
export function allowedActions(status: CampaignStatus): LifecycleAction[] {
  switch (status) {
    case 'draft':
      return ['publish', 'archive'];
    case 'scheduled':
      return ['publish', 'end'];
    case 'live':
      return ['publish', 'pause', 'end'];
    case 'paused':
      return ['resume', 'end'];
    case 'ended':
      return ['archive'];
    case 'archived':
      return [];
  }
}
