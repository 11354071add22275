import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { installFastPath } from './fast-path.js';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** Wraps the server's request listeners the way socket.io's engine does. */
function wrapListeners(server: ReturnType<typeof createServer>, seen: string[], name: string): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${name} ${req.url}`);
    for (const l of listeners) l.call(server, req, res);
  });
}

describe('installFastPath', () => {
  it('runs the fast path before listeners other modules wrap around the server later', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`express ${req.url}`);
      res.end('slow');
    });
    servers.push(server);
    installFastPath(server, (req, res) => {
      if (req.url !== '/fast') return false;
      res.end('fast');
      return true;
    });
    wrapListeners(server, seen, 'page');
    wrapListeners(server, seen, 'socket.io');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    expect(await (await fetch(`${base}/fast`)).text()).toBe('fast');
    expect(seen).toEqual([]);
    expect(await (await fetch(`${base}/other`)).text()).toBe('slow');
    expect(seen).toEqual(['socket.io /other', 'page /other', 'express /other']);
  });
});
