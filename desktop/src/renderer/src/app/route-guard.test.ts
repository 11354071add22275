import { describe, expect, it } from 'vitest';
import { canEdit, canPublish, databaseName } from '../auth/session.js';
import { decideRoute, safeNextPath } from './route-guard.js';

describe('route decisions', () => {
  it('sends signed-out planners to login, remembering the destination', () => {
    expect(decideRoute(false, '/campaigns/c1')).toEqual({ kind: 'redirect', to: '/login?next=%2Fcampaigns%2Fc1' });
    expect(decideRoute(false, '/')).toEqual({ kind: 'redirect', to: '/login' });
    expect(decideRoute(false, '/login')).toEqual({ kind: 'allow' });
  });

  it('keeps signed-in planners away from login and unknown paths', () => {
    expect(decideRoute(true, '/login')).toEqual({ kind: 'redirect', to: '/campaigns' });
    expect(decideRoute(true, '/nowhere')).toEqual({ kind: 'redirect', to: '/campaigns' });
    expect(decideRoute(true, '/simulator')).toEqual({ kind: 'allow' });
    expect(decideRoute(true, '/campaigns/c1')).toEqual({ kind: 'allow' });
  });

  it('only follows internal next paths', () => {
    expect(safeNextPath('/themes')).toBe('/themes');
    expect(safeNextPath('//evil.example')).toBe('/campaigns');
    expect(safeNextPath('https://evil.example')).toBe('/campaigns');
    expect(safeNextPath(null)).toBe('/campaigns');
  });
});

describe('roles', () => {
  it('lets planners edit and publish only without required approval', () => {
    expect(canEdit('planner')).toBe(true);
    expect(canEdit('analyst')).toBe(false);
    expect(canPublish('planner', false)).toBe(true);
    expect(canPublish('planner', true)).toBe(false);
    expect(canPublish('approver', true)).toBe(true);
    expect(canPublish('screen', false)).toBe(false);
  });

  it('names the local database per user and server', () => {
    const user = { id: '1', username: 'li', role: 'planner' as const, displayName: 'Li' };
    expect(databaseName({ apiBase: '', user })).toBe('promo-studio:li@same-origin');
    expect(databaseName({ apiBase: 'https://promo.example', user })).not.toBe(databaseName({ apiBase: '', user }));
  });
});
