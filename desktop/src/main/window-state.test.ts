import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, parseWindowState, restoreBounds } from './window-state.js';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  it('parses a saved state and rejects corrupt or implausible files', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1200,"height":800,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 800,
      maximized: true,
    });
    expect(parseWindowState('{not json')).toBeNull();
    expect(parseWindowState('{"x":0,"y":0,"width":10,"height":10}')).toBeNull();
    expect(parseWindowState(null)).toBeNull();
  });

  it('restores saved bounds that are on a display', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(restoreBounds(saved, [screen])).toEqual(saved);
  });

  it('centres the default size when the saved display is gone', () => {
    const saved = { x: 3000, y: 0, width: 1200, height: 800, maximized: false };
    const bounds = restoreBounds(saved, [screen]);
    expect(bounds.width).toBe(DEFAULT_SIZE.width);
    expect(bounds.x).toBe((1920 - DEFAULT_SIZE.width) / 2);
  });

  it('shrinks the default size to a small work area', () => {
    const bounds = restoreBounds(null, [{ x: 0, y: 0, width: 1024, height: 700 }]);
    expect(bounds).toMatchObject({ x: 0, y: 0, width: 1024, height: 700, maximized: false });
  });
});
