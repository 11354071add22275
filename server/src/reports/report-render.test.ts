import { describe, expect, it } from 'vitest';
import type { EffectReport } from './effect-report.service.js';
import { reportHtml } from './report-render.js';

// 2026-11-23T16:00:00Z is midnight of 24 Nov in Shanghai: the report must say 24, not 23.
const FROM = Date.UTC(2026, 10, 23, 16, 0);
const TO = Date.UTC(2026, 10, 24, 19, 49);

function emptyReport(window: { from: number; to: number }): EffectReport {
  return {
    subject: { kind: 'theme', id: 't1', name: 'Theme' },
    window,
    prePeriod: { from: window.from - (window.to - window.from), to: window.from },
    participation: 0,
    orders: 0,
    gmv: 0,
    discountCost: 0,
    roi: null,
    budget: null,
    budgetBurn: null,
    impressions: 0,
    clicks: 0,
    newUserConversion: { exposedNewUsers: 0, converted: 0, rate: null, preRate: null },
    repurchase: { buyers: 0, repeatBuyers: 0, rate: null, preRate: null },
    lift: { basis: 'pre_period', revenuePerUser: null, conversion: null, activity: null, orders: null },
    expected: [],
    byRegion: [],
    byChannel: [],
    bySegment: [],
    hourly: [],
    experiments: [],
  };
}

describe('reportHtml', () => {
  it('shows the window in Shanghai time, not raw UTC', () => {
    const html = reportHtml(emptyReport({ from: FROM, to: TO }), 'en');
    expect(html).toContain('24 Nov 2026, 00:00');
    expect(html).toContain('25 Nov 2026, 03:49');
    expect(html).not.toContain('T16:00:00.000Z');
  });
});
