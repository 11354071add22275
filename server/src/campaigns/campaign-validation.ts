import { isScheduleActive, validateExperiment, validateGraph, type Campaign } from '@promo/shared';
import type { ValidationProblem } from './campaign.schema.js';

function scheduleProblems(campaign: Campaign): ValidationProblem[] {
  const { start, end } = campaign.schedule;
  if (Date.parse(end) <= Date.parse(start)) {
    return [{ field: 'schedule.end', code: 'schedule_end_before_start', message: { zh: '结束时间必须晚于开始时间', en: 'The end must be after the start' } }];
  }
  try {
    isScheduleActive(campaign.schedule, Date.parse(start));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ field: 'schedule', code: 'schedule_invalid', message: { zh: `排期无效：${detail}`, en: `Unusable schedule: ${detail}` } }];
  }
  return [];
}

/**
 * Everything that stops a campaign from being published: the shared graph validator's problems
 * (each naming its node or edge), an unusable schedule, and a broken A/B layout.
 */
export function validateCampaign(campaign: Campaign): ValidationProblem[] {
  const problems: ValidationProblem[] = validateGraph(campaign.graph, campaign.kind).map((p) => ({
    ...(p.nodeId !== undefined ? { nodeId: p.nodeId } : {}),
    ...(p.edgeId !== undefined ? { edgeId: p.edgeId } : {}),
    code: p.code,
    message: p.message,
  }));
  problems.push(...scheduleProblems(campaign));
  if (campaign.experiment) {
    for (const p of validateExperiment(campaign.experiment)) {
      problems.push({ field: p.variantKey ? `experiment.variants.${p.variantKey}` : 'experiment', code: p.code, message: p.message });
    }
  }
  return problems;
}
