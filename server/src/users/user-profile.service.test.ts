import { describe, expect, it } from 'vitest';
import { profileFrom } from './user-profile.service.js';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;

describe('profileFrom', () => {
  it('calls a user without committed orders new', () => {
    expect(profileFrom({ n: 0, last: null, spent: 0 }, NOW)).toMatchObject({ isNewUser: true, segments: ['new'] });
  });

  it('calls a buyer whose last order is older than 30 days dormant', () => {
    expect(profileFrom({ n: 2, last: NOW - 31 * DAY, spent: 500 }, NOW).segments).toEqual(['dormant_30']);
    expect(profileFrom({ n: 2, last: NOW - 29 * DAY, spent: 500 }, NOW).segments).toEqual(['active']);
  });

  it('adds high_value from ¥1000 spent', () => {
    expect(profileFrom({ n: 5, last: NOW, spent: 100_000 }, NOW)).toMatchObject({ isNewUser: false, segments: ['active', 'high_value'] });
    expect(profileFrom({ n: 5, last: NOW, spent: 99_999 }, NOW).segments).toEqual(['active']);
  });
});
