export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The weekdays of a simple weekly RRULE (`FREQ=WEEKLY;BYDAY=WE,FR`), or null when the rule is
 * anything else (then the editor shows the raw rule instead of weekday chips).
 */
export function weekdaysOf(rrule: string): Weekday[] | null {
  const parts = new Map(
    rrule
      .split(';')
      .map((p) => p.split('=') as [string, string | undefined])
      .map(([k, v]) => [k.trim().toUpperCase(), (v ?? '').trim().toUpperCase()]),
  );
  if (parts.get('FREQ') !== 'WEEKLY' || parts.size !== 2 || !parts.has('BYDAY')) return null;
  const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  if (days.length === 0 || !days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d))) return null;
  return WEEKDAYS.filter((d) => days.includes(d));
}

/** A weekly RRULE for the chosen days, in calendar order; daily when all seven are chosen. */
export function weeklyRule(days: readonly Weekday[]): string {
  const ordered = WEEKDAYS.filter((d) => days.includes(d));
  if (ordered.length === 7) return 'FREQ=DAILY';
  return `FREQ=WEEKLY;BYDAY=${ordered.join(',')}`;
}
