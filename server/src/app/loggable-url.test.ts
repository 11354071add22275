import { describe, expect, it } from 'vitest';
import { loggableUrl } from './loggable-url.js';

describe('loggable URLs', () => {
  it('drop the query string, where a kiosk token may ride', () => {
    expect(loggableUrl('/warroom/fest?token=secret&lang=en')).toBe('/warroom/fest');
    expect(loggableUrl('/api/v1/campaigns')).toBe('/api/v1/campaigns');
    expect(loggableUrl('/x?')).toBe('/x');
  });
});
