import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrustProxy } from '../config/trust-proxy.schema.js';
import { clientIpResolver } from './client-ip.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A server answering both what the resolver and Express's `req.ip` say about each request. */
async function bothIps(trust: TrustProxy): Promise<(forwardedFor?: string) => Promise<{ ours: string; express: string }>> {
  const app = express();
  app.set('trust proxy', trust);
  const resolve = clientIpResolver(app);
  app.get('/', (req, res) => {
    res.json({ ours: resolve(req), express: req.ip });
  });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return async (forwardedFor) => (await (await fetch(url, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })).json()) as { ours: string; express: string };
}

describe('clientIpResolver', () => {
  const cases: [string, TrustProxy, string | undefined, string][] = [
    ['ignores X-Forwarded-For when no proxy is trusted', false, '203.0.113.1', '127.0.0.1'],
    ['takes the left-most address when every hop is trusted', true, '198.51.100.9, 203.0.113.1', '198.51.100.9'],
    ['takes the address one trusted hop saw', 1, '198.51.100.9, 203.0.113.1', '203.0.113.1'],
    ['walks trusted addresses and stops at the first untrusted one', ['loopback', '10.0.0.0/8'], '198.51.100.9, 203.0.113.1, 10.1.2.3', '203.0.113.1'],
    ['uses the socket address without the header', ['loopback'], undefined, '127.0.0.1'],
  ];
  for (const [name, trust, forwardedFor, expected] of cases) {
    it(`${name}, as Express's req.ip does`, async () => {
      const ask = await bothIps(trust);
      const answer = await ask(forwardedFor);
      expect(answer.ours).toBe(expected);
      expect(answer.express).toBe(expected);
    });
  }
});
