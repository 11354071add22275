import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.js';
import { formatLift, formatP, formatRate, formatRateInterval, formatRoi, promoteRefusal, reportErrorKey, reportFileName } from './report-format.js';

const decision = { winner: null, reason: { code: 'sample_ratio_mismatch', message: { zh: '分流比例异常', en: 'Sample ratio mismatch' } }, primaryMetric: 'conversion', leader: 'B', comparisons: [] };

describe('report figures', () => {
  it('formats rates, lifts, ROI and p-values, with a dash when the server had no basis', () => {
    expect(formatRate(0.1234)).toBe('12.3%');
    expect(formatRate(null)).toBe('—');
    expect(formatLift(0.2)).toBe('+20.0%');
    expect(formatLift(-0.04)).toBe('−4.0%');
    expect(formatLift(null)).toBe('—');
    expect(formatRoi(4.254)).toBe('4.25×');
    expect(formatP(0.0004)).toBe('< 0.001');
    expect(formatP(0.04213)).toBe('0.042');
    expect(formatRateInterval({ low: -0.012, high: 0.034 })).toBe('[−1.2, +3.4] pp');
  });

  it('names report files by subject and a path-free id', () => {
    expect(reportFileName('theme', 'th/../1', 'pdf')).toBe('report-theme-th____1.pdf');
    expect(reportFileName('campaign', 'c-1', 'csv')).toBe('report-campaign-c-1.csv');
  });

  it('reads the decision from a promote-winner refusal and nothing else', () => {
    expect(promoteRefusal(new ApiError('conflict', 'x', 409, { decision }))).toEqual(decision);
    expect(promoteRefusal(new ApiError('conflict', 'changed meanwhile', 409, { serverVersion: 3 }))).toBeNull();
    expect(promoteRefusal(new ApiError('forbidden', 'x', 403, { decision }))).toBeNull();
    expect(promoteRefusal(new Error('x'))).toBeNull();
  });

  it('explains a campaign that has not started, an offline studio and a missing experiment', () => {
    expect(reportErrorKey(new ApiError('bad_request', 'query: to must be after from', 400))).toBe('reports.notStarted');
    expect(reportErrorKey(new ApiError('network', 'Failed to fetch', 0))).toBe('reports.offline');
    expect(reportErrorKey(new ApiError('not_found', 'campaign c1 has no experiment', 404))).toBe('reports.noExperiment');
    expect(reportErrorKey(new ApiError('forbidden', 'role', 403))).toBeNull();
  });
});
