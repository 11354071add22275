import { describe, expect, it } from 'vitest';
import { validateGraph } from '@promo/shared';
import { createCampaignDraft } from '../../templates/kind-templates.js';
import { allowedActions, publishProblems } from './publish-checks.js';

const draft = createCampaignDraft('threshold_off', { id: 'c', name: 'c', start: '2026-06-01T00:00:00+08:00', end: '2026-06-19T00:00:00+08:00' });

describe('publish checks', () => {
  it('passes a valid template', () => {
    expect(publishProblems(draft, validateGraph(draft.graph, draft.kind))).toEqual([]);
  });

  it('reports graph, schedule and experiment problems', () => {
    const broken = {
      ...draft,
      graph: { nodes: draft.graph.nodes.filter((n) => n.type !== 'offer'), edges: [] },
      schedule: { ...draft.schedule, end: draft.schedule.start },
      experiment: { id: 'e', holdout: 0, variants: [{ key: 'A', weight: 4000, overrides: {} }] },
    };
    const sources = publishProblems(broken, validateGraph(broken.graph, broken.kind)).map((p) => p.source);
    expect(sources).toContain('graph');
    expect(sources).toContain('schedule');
    expect(sources).toContain('experiment');
  });

  it('offers the lifecycle moves each status allows', () => {
    expect(allowedActions('draft')).toContain('publish');
    expect(allowedActions('live')).toEqual(['publish', 'pause', 'end']);
    expect(allowedActions('paused')).toContain('resume');
    expect(allowedActions('archived')).toEqual([]);
  });
});
