import { LIVE_NAMESPACE, type LiveAlert, type LiveClientToServerEvents, type LiveServerToClientEvents, type MetricsSnapshot, type QuoteResult } from '@promo/shared';
import { expect } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { modules } from '../app/modules.js';
import type { TestApp } from '../../test/test-app.js';
import { analyticsModule } from '../analytics/analytics.module.js';
import { warroomPageModule } from '../warroom-page/warroom-page.module.js';
import { defaultLiveModule, liveModule } from './live.module.js';
import type { OrderLiveInput } from './order-hooks.js';

export type LiveClient = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

/** The app's modules with the live module on fast timers (whether or not modules.ts lists the war-room modules yet). */
export function liveTestModules(tickMs = 100, flushMs = 50) {
  const others = modules.filter((m) => m !== defaultLiveModule && m !== analyticsModule && m !== warroomPageModule);
  return [...others, liveModule({ tickMs, rollupMs: 0, flushMs }), analyticsModule, warroomPageModule];
}

/** A websocket client of `/live` on `t`, connected (or refused: `connect_error`). */
export function liveClient(t: TestApp, token?: string): LiveClient {
  return io(`${t.baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: token === undefined ? {} : { token }, reconnection: false, forceNew: true });
}

/** Resolves on connect, rejects with the server's refusal message. */
export function connected(client: LiveClient): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', (err) => reject(err));
  });
}

/** Collects what a client receives, so tests can wait for a condition. */
export function recorder(client: LiveClient) {
  const metrics: MetricsSnapshot[] = [];
  const alerts: LiveAlert[] = [];
  client.on('metrics', (s) => metrics.push(s));
  client.on('alert', (a) => alerts.push(a));
  return { metrics, alerts };
}

/** A committed order as the orders module would report it: one line, campaigns applied with their amounts. */
export function orderInput(orderId: string, userId: string, at: number, total: number, applied: { campaignId: string; amount: number }[], sku = 'apple'): OrderLiveInput {
  const result: Pick<QuoteResult, 'applied' | 'lines' | 'totals'> = {
    applied: applied.map((a) => ({ campaignId: a.campaignId, kind: 'threshold_off', stage: 'order', amount: a.amount, offerNodeId: 'offer', variant: null, capped: null })),
    lines: [{ lineId: 'l1', sku, quantity: 1, unitPrice: total, subtotal: total, itemDiscount: 0, itemAdjustments: [], orderDiscount: 0, couponDiscount: 0, pointsDiscount: 0, allocations: [], final: total, gift: false, capped: null }],
    totals: { subtotal: total, itemDiscount: 0, orderDiscount: 0, couponDiscount: 0, pointsDiscount: 0, discount: applied.reduce((s, a) => s + a.amount, 0), total },
  };
  return { order: { orderId, userId, result, createdAt: at }, channel: 'app', region: { province: '31' } };
}

/** Creates a festival theme running from an hour ago to a day ahead (as admin). */
export async function createTestTheme(t: TestApp, id: string, name: string): Promise<void> {
  const admin = await t.login('admin');
  const now = t.clock.now();
  const theme = await t.request.post('/api/v1/themes').set('Authorization', `Bearer ${admin}`).send({ id, name, start: new Date(now - 3_600_000).toISOString(), end: new Date(now + 86_400_000).toISOString() });
  expect(theme.status, JSON.stringify(theme.body)).toBe(201);
}
