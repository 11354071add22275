import { describe, expect, it } from 'vitest';
import { createCampaignDraft } from '../templates/kind-templates.js';
import { campaignFileName, parseCampaignFile, serializeCampaignFile } from './campaign-file.js';

const campaign = { ...createCampaignDraft('percent_off', { id: 'c1', name: '国庆/折扣', start: '2026-10-01T00:00:00+08:00', end: '2026-10-08T00:00:00+08:00' }), status: 'live' as const, version: 7 };

describe('campaign files', () => {
  it('round-trips a campaign as a fresh draft', () => {
    const parsed = parseCampaignFile(serializeCampaignFile(campaign));
    expect(parsed).toEqual({ ok: true, campaign: { ...campaign, status: 'draft', version: 0 } });
  });

  it('accepts a bare campaign document', () => {
    expect(parseCampaignFile(JSON.stringify(campaign)).ok).toBe(true);
  });

  it('names the first problem of an invalid file', () => {
    expect(parseCampaignFile('{oops')).toEqual({ ok: false, message: 'not JSON' });
    const broken = parseCampaignFile(JSON.stringify({ ...campaign, kind: 'bogus' }));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toContain('kind');
  });

  it('makes a safe file name', () => {
    expect(campaignFileName(campaign)).toBe('国庆-折扣.json');
  });
});
