import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppFile } from './app-protocol.js';

const root = '/opt/studio/out/app';

describe('app:// protocol', () => {
  it('maps app://studio paths into the renderer folder', () => {
    expect(resolveAppFile('app://studio/index.html', root)).toBe('/opt/studio/out/app/index.html');
    expect(resolveAppFile('app://studio/', root)).toBe('/opt/studio/out/app/index.html');
    expect(resolveAppFile('app://studio/assets/index-abc.js?x=1#/campaigns', root)).toBe('/opt/studio/out/app/assets/index-abc.js');
  });

  it('never leaves the renderer folder, however the path is encoded', () => {
    for (const attempt of ['app://studio/../../etc/passwd', 'app://studio/%2e%2e/%2e%2e/etc/passwd', 'app://studio/..%2f..%2fetc%2fpasswd', 'app://studio/a/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret']) {
      const file = resolveAppFile(attempt, root);
      expect(file === null || file.startsWith(`${root}/`), attempt).toBe(true);
    }
    expect(resolveAppFile('app://studio/a%5c..%5c..%5csecret', root)).toBeNull();
    expect(resolveAppFile('app://studio/a%00.js', root)).toBeNull();
  });

  it('refuses other hosts and other schemes', () => {
    expect(resolveAppFile('app://other/index.html', root)).toBeNull();
    expect(resolveAppFile('file:///etc/passwd', root)).toBeNull();
    expect(resolveAppFile('not a url', root)).toBeNull();
  });

  it('serves scripts and styles with their types', () => {
    expect(mimeTypeOf('/x/index.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
