import { describe, expect, it } from 'vitest';
import { formatDateTime, isoToLocalInput, localInputToIso } from './date-format.js';

describe('dates in the campaign time zone', () => {
  it('shows an instant as Shanghai wall time', () => {
    expect(formatDateTime('2026-06-17T16:00:00.000Z', 'Asia/Shanghai', 'en')).toContain('00:00');
    expect(formatDateTime('2026-06-17T16:00:00.000Z', 'Asia/Shanghai', 'zh')).toContain('2026/06/18');
  });

  it('round-trips datetime-local inputs through the zone', () => {
    expect(localInputToIso('2026-06-18T10:00', 'Asia/Shanghai')).toBe('2026-06-18T02:00:00.000Z');
    expect(isoToLocalInput('2026-06-18T02:00:00.000Z', 'Asia/Shanghai')).toBe('2026-06-18T10:00');
    expect(localInputToIso('2026-07-01T12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(localInputToIso('bad', 'Asia/Shanghai')).toBeNull();
  });
});
