import { describe, expect, it } from 'vitest';
import { planTransition, scheduleStatus, type LifecycleState } from './campaign-lifecycle.js';

const start = Date.parse('2026-11-01T00:00:00+08:00');
const end = Date.parse('2026-11-12T00:00:00+08:00');
const schedule = { start: new Date(start).toISOString(), end: new Date(end).toISOString(), timezone: 'Asia/Shanghai' };
const state = (status: LifecycleState['status'], version = 1, publishedVersion: number | null = null): LifecycleState => ({ status, version, publishedVersion, schedule });

describe('scheduleStatus', () => {
  it('is scheduled before the start, live inside the window and ended from the end on', () => {
    expect(scheduleStatus(schedule, start - 1)).toBe('scheduled');
    expect(scheduleStatus(schedule, start)).toBe('live');
    expect(scheduleStatus(schedule, end - 1)).toBe('live');
    expect(scheduleStatus(schedule, end)).toBe('ended');
  });

  it('follows a weekly recurrence inside the window', () => {
    const weekly = { ...schedule, recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startTime: '10:00', endTime: '22:00' } };
    expect(scheduleStatus(weekly, Date.parse('2026-11-04T10:00:00+08:00'))).toBe('live');
    expect(scheduleStatus(weekly, Date.parse('2026-11-04T09:59:59+08:00'))).toBe('scheduled');
    expect(scheduleStatus(weekly, Date.parse('2026-11-05T10:00:00+08:00'))).toBe('scheduled');
  });
});

describe('planTransition', () => {
  it('publishes a draft as scheduled before its window and live inside it, freezing a version', () => {
    expect(planTransition('publish', state('draft'), start - 1000)).toEqual({ ok: true, to: 'scheduled', freeze: true });
    expect(planTransition('publish', state('draft'), start + 1000)).toEqual({ ok: true, to: 'live', freeze: true });
  });

  it('refuses to publish a draft whose window is over', () => {
    expect(planTransition('publish', state('draft'), end)).toMatchObject({ ok: false });
  });

  it('republishes a live campaign only when it has draft edits, and keeps a paused one paused', () => {
    expect(planTransition('publish', state('live', 2, 2), start + 1)).toMatchObject({ ok: false, reason: 'nothing new to publish' });
    expect(planTransition('publish', state('live', 3, 2), start + 1)).toEqual({ ok: true, to: 'live', freeze: true });
    expect(planTransition('publish', state('paused', 3, 2), start + 1)).toEqual({ ok: true, to: 'paused', freeze: true });
  });

  it('pauses and resumes by schedule, and ends a paused campaign past its window on resume', () => {
    expect(planTransition('pause', state('live', 1, 1), start + 1)).toEqual({ ok: true, to: 'paused', freeze: false });
    expect(planTransition('resume', state('paused', 1, 1), start + 1)).toEqual({ ok: true, to: 'live', freeze: false });
    expect(planTransition('resume', state('paused', 1, 1), end + 1)).toEqual({ ok: true, to: 'ended', freeze: false });
  });

  it.each([
    ['pause', 'draft'],
    ['pause', 'ended'],
    ['resume', 'live'],
    ['end', 'draft'],
    ['end', 'archived'],
    ['archive', 'live'],
    ['publish', 'ended'],
    ['publish', 'archived'],
  ] as const)('refuses %s from %s', (action, status) => {
    expect(planTransition(action, state(status, 1, 1), start + 1).ok).toBe(false);
  });

  it('archives drafts and ended campaigns', () => {
    expect(planTransition('archive', state('ended', 1, 1), end + 1)).toEqual({ ok: true, to: 'archived', freeze: false });
    expect(planTransition('archive', state('draft'), end + 1)).toEqual({ ok: true, to: 'archived', freeze: false });
  });
});
