import { mergedIntervals, nextFlip, sourceContains, type DayIntervalSource } from './day-intervals.js';
import { localDay } from './local-time.js';

/** A schedule prepared once: answers in microseconds for the pricing engine's hot path. */
export interface CompiledSchedule {
  /** Epoch ms of the absolute window `[start, end)`. */
  readonly startMs: number;
  readonly endMs: number;
  isActive(nowMs: number): boolean;
  nextTransition(nowMs: number): number | null;
}

/** How far ahead an unbounded matcher looks for its next change before simply checking again. */
const HORIZON_MS = 8 * 86_400_000;
/** How far an unbounded matcher's `nextTransition` searches before answering null. */
const UNBOUNDED_LOOKAHEAD_MS = 400 * 86_400_000;

/**
 * Active-state matcher over the window [startMs, endMs) ∩ the source's intervals. It remembers the
 * current stretch of constant state and answers from it while `now` stays inside: the engine asks
 * many times a second about nearly the same instant.
 */
export function createMatcher(startMs: number, endMs: number, zone: string, source: DayIntervalSource | null): CompiledSchedule {
  function computeActive(nowMs: number): boolean {
    if (nowMs < startMs || nowMs >= endMs) return false;
    return source === null || sourceContains(source, nowMs);
  }

  function transitionBefore(nowMs: number, untilMs: number): number | null {
    if (nowMs >= endMs) return null;
    if (source === null) return nowMs < startMs ? startMs : endMs;
    const from = localDay(Math.max(nowMs, startMs), zone) - 1;
    return nextFlip(mergedIntervals(source, from, untilMs), startMs, untilMs, nowMs);
  }

  let segmentStart = Number.POSITIVE_INFINITY;
  let segmentEnd = Number.NEGATIVE_INFINITY;
  let segmentActive = false;

  function isActive(nowMs: number): boolean {
    if (nowMs >= segmentStart && nowMs < segmentEnd) return segmentActive;
    segmentActive = computeActive(nowMs);
    segmentStart = nowMs;
    const horizon = Number.isFinite(endMs) ? endMs : Math.max(nowMs, startMs) + HORIZON_MS;
    segmentEnd = transitionBefore(nowMs, horizon) ?? Number.POSITIVE_INFINITY;
    return segmentActive;
  }

  function nextTransition(nowMs: number): number | null {
    if (Number.isFinite(endMs)) return transitionBefore(nowMs, endMs);
    const horizon = nowMs + UNBOUNDED_LOOKAHEAD_MS;
    const next = transitionBefore(nowMs, horizon);
    return next === horizon ? null : next;
  }

  return { startMs, endMs, isActive, nextTransition };
}

