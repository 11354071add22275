import { isScheduleActive, nextTransition, type CampaignStatus, type Schedule } from '@promo/shared';
import type { LifecycleAction } from './campaign.schema.js';

/** Where a published campaign's schedule puts it at `nowMs`. */
export function scheduleStatus(schedule: Schedule, nowMs: number): 'live' | 'scheduled' | 'ended' {
  if (nowMs >= Date.parse(schedule.end)) return 'ended';
  if (isScheduleActive(schedule, nowMs)) return 'live';
  return nextTransition(schedule, nowMs) === null ? 'ended' : 'scheduled';
}

export interface LifecycleState {
  status: CampaignStatus;
  version: number;
  publishedVersion: number | null;
  schedule: Schedule;
}

/** `freeze`: publishing writes a version row and points the campaign at it. */
export type TransitionPlan = { ok: true; to: CampaignStatus; freeze: boolean } | { ok: false; reason: string };

const refuse = (reason: string): TransitionPlan => ({ ok: false, reason });

/**
 * The lifecycle as a pure function: draft → scheduled ⇄ live ⇄ paused → ended → archived.
 * Re-publishing a running campaign with draft edits swaps the running version and keeps a
 * paused campaign paused.
 */
export function planTransition(action: LifecycleAction, state: LifecycleState, nowMs: number): TransitionPlan {
  const { status } = state;
  const bySchedule = (): TransitionPlan => {
    const next = scheduleStatus(state.schedule, nowMs);
    return next === 'ended' ? refuse('the schedule is already over') : { ok: true, to: next, freeze: action === 'publish' };
  };
  switch (action) {
    case 'publish':
      if (status === 'draft') return bySchedule();
      if (status === 'scheduled' || status === 'live' || status === 'paused') {
        if (state.version === state.publishedVersion) return refuse('nothing new to publish');
        return status === 'paused' ? { ok: true, to: 'paused', freeze: true } : bySchedule();
      }
      return refuse(`a campaign that is ${status} cannot be published`);
    case 'pause':
      return status === 'live' || status === 'scheduled' ? { ok: true, to: 'paused', freeze: false } : refuse(`only live or scheduled campaigns can be paused, not ${status}`);
    case 'resume': {
      if (status !== 'paused') return refuse(`only paused campaigns can be resumed, not ${status}`);
      return { ok: true, to: scheduleStatus(state.schedule, nowMs), freeze: false };
    }
    case 'end':
      return status === 'live' || status === 'scheduled' || status === 'paused' ? { ok: true, to: 'ended', freeze: false } : refuse(`a campaign that is ${status} cannot be ended`);
    case 'archive':
      return status === 'draft' || status === 'ended' ? { ok: true, to: 'archived', freeze: false } : refuse(`only draft or ended campaigns can be archived, not ${status}`);
  }
}
