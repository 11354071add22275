export interface TimelineItem {
  id: string;
  start: string;
  end: string;
}

export interface TimelineBar {
  id: string;
  /** Percent of the range from its start. */
  left: number;
  width: number;
  /** True when the item is cut at either edge of the range. */
  clipped: boolean;
}

const DAY = 86_400_000;

/** Positions items as bars over [rangeStart, rangeEnd); items outside the range are dropped. */
export function layoutTimeline(rangeStart: string, rangeEnd: string, items: readonly TimelineItem[]): TimelineBar[] {
  const from = Date.parse(rangeStart);
  const to = Date.parse(rangeEnd);
  const span = Math.max(1, to - from);
  return items
    .map((item) => ({ id: item.id, s: Date.parse(item.start), e: Date.parse(item.end) }))
    .filter(({ s, e }) => e > from && s < to)
    .map(({ id, s, e }) => {
      const left = Math.max(s, from);
      const right = Math.min(e, to);
      return { id, left: ((left - from) / span) * 100, width: Math.max(0.5, ((right - left) / span) * 100), clipped: s < from || e > to };
    });
}

/** Day ticks (as ISO dates in China time) for the scale, thinned to at most `maxTicks`. */
export function dayTicks(rangeStart: string, rangeEnd: string, maxTicks = 16): string[] {
  const shift = 8 * 3_600_000;
  const first = Math.floor((Date.parse(rangeStart) + shift) / DAY);
  const last = Math.ceil((Date.parse(rangeEnd) + shift) / DAY);
  const days = Math.max(1, last - first);
  const step = Math.ceil(days / maxTicks);
  const ticks: string[] = [];
  for (let d = first; d < last; d += step) ticks.push(new Date(d * DAY).toISOString().slice(0, 10));
  return ticks;
}
