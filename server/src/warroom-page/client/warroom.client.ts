/// <reference lib="dom" />
// The kiosk script: runs in the browser, bundled by esbuild when first requested. ECharts and the
// socket.io client are the global builds the page loads before it (no bundler needed for them).
import type { LiveAlert, LiveClientToServerEvents, LiveServerToClientEvents, MetricsSnapshot } from '@promo/shared';
import type { Socket } from 'socket.io-client';
import type { WarroomLabels } from '../warroom-labels.js';

interface Chart {
  setOption(option: object, opts?: { notMerge?: boolean; lazyUpdate?: boolean }): void;
  resize(): void;
}
declare const echarts: { init(el: HTMLElement, theme?: string): Chart };
declare const io: (url: string, options: object) => Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

interface Boot {
  themeId: string;
  token: string;
  lang: 'zh' | 'en';
  labels: WarroomLabels;
}

const boot = JSON.parse(document.body.dataset.boot ?? '{}') as Boot;
const L = boot.labels;
const $ = (id: string) => document.getElementById(id)!;
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString(boot.lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const charts = new Map<string, Chart>();
let lastStock: MetricsSnapshot['stock'] = [];

function chart(id: string): Chart {
  let c = charts.get(id);
  if (!c) {
    c = echarts.init($(id), 'dark');
    charts.set(id, c);
  }
  return c;
}

/** Updates in place: setOption merges (notMerge false), so nothing flickers or re-renders whole. */
function update(id: string, option: object): void {
  chart(id).setOption({ backgroundColor: 'transparent', animationDurationUpdate: 300, ...option }, { notMerge: false, lazyUpdate: true });
}

function setText(id: string, text: string): void {
  const el = $(id);
  if (el.textContent !== text) el.textContent = text;
}

function render(s: MetricsSnapshot): void {
  setText('gmv', yuan(s.gmv));
  setText('orders', s.orders.toLocaleString());
  setText('buyers', s.buyers.toLocaleString());
  setText('discount', yuan(s.discountSpent));
  setText('conversion', pct(s.conversion.rate));
  setText('errorRate', pct(s.errorRate));
  const minute = (ms: number) => new Date(ms).toTimeString().slice(0, 5);
  update('chart-opm', { grid: { left: 40, right: 10, top: 10, bottom: 24 }, xAxis: { type: 'category', data: s.ordersPerMinute.map((p) => minute(p.minute)) }, yAxis: { type: 'value' }, series: [{ type: 'line', smooth: true, areaStyle: {}, data: s.ordersPerMinute.map((p) => p.orders) }] });
  lastStock = s.stock;
  update('chart-stock', { grid: { left: 80, right: 10, top: 10, bottom: 24 }, xAxis: { type: 'value', max: 100 }, yAxis: { type: 'category', data: s.stock.map((x) => x.sku) }, series: [{ type: 'bar', data: s.stock.map((x) => (x.allocated > 0 && x.stockLeft !== null ? Math.round((x.stockLeft / x.allocated) * 100) : 0)), label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => String(s.stock[p.dataIndex]?.stockLeft ?? '—') } }] });
  const used = s.budget.total ? Math.min(150, (s.budget.spent / s.budget.total) * 100) : 0;
  update('chart-budget', { series: [{ type: 'gauge', min: 0, max: 100, progress: { show: true }, detail: { formatter: s.budget.total ? `{value}%\n${yuan(s.budget.left ?? 0)}` : L.unlimited, fontSize: 18 }, data: [{ value: Math.round(used) }] }] });
  update('chart-top', { grid: { left: 80, right: 10, top: 10, bottom: 24 }, xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: s.topSkus.map((x) => x.key) }, series: [{ type: 'bar', data: s.topSkus.map((x) => x.orders) }] });
  update('chart-region', { series: [{ type: 'pie', radius: ['40%', '70%'], data: s.regions.map((r) => ({ name: r.key, value: r.gmv / 100 })) }] });
  update('chart-channel', { series: [{ type: 'pie', radius: ['40%', '70%'], data: s.channels.map((r) => ({ name: r.key, value: r.gmv / 100 })) }] });
}

function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Ticks locally every second, so countdowns move even between snapshots. */
function tickClock(): void {
  const now = Date.now();
  setText('clock', new Date(now).toLocaleTimeString(boot.lang === 'zh' ? 'zh-CN' : 'en-US'));
  setText('slots', lastStock.map((x) => (x.closesAt ? `${x.sku} ${L.closesIn} ${countdown(x.closesAt - now)}` : x.nextSlotAt ? `${x.sku} ${L.nextSlot} ${countdown(x.nextSlotAt - now)}` : '')).filter(Boolean).join('  ·  '));
}

const seenAlerts = new Set<string>();
function addAlert(alert: LiveAlert): void {
  if (seenAlerts.has(alert.id)) return;
  seenAlerts.add(alert.id);
  const li = document.createElement('li');
  li.className = alert.type;
  li.textContent = `${new Date(alert.at).toTimeString().slice(0, 8)}  ${alert.message[boot.lang]}`;
  const list = $('alerts');
  list.prepend(li);
  while (list.children.length > 30) list.lastElementChild?.remove();
}

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${boot.token}`, 'Content-Type': 'application/json', ...init.headers } });
}

/** The kill switch: approvers (and admins) get a pause button per live campaign of the theme. */
async function killSwitch(): Promise<void> {
  const me = (await (await api('/auth/me')).json()) as { user?: { role: string } };
  if (me.user?.role !== 'approver' && me.user?.role !== 'admin') return;
  const live = (await (await api('/campaigns/live')).json()) as { campaigns?: { id: string; name: string; nameEn?: string; themeId?: string; status: string }[] };
  const box = $('kill');
  for (const c of (live.campaigns ?? []).filter((x) => x.themeId === boot.themeId)) {
    const name = boot.lang === 'en' ? (c.nameEn ?? c.name) : c.name;
    const button = document.createElement('button');
    button.textContent = `${L.pause}: ${name}`;
    button.onclick = async () => {
      if (!window.confirm(L.confirmPause.replace('{name}', name))) return;
      const res = await api(`/campaigns/${encodeURIComponent(c.id)}/pause`, { method: 'POST', body: '{}' });
      if (res.ok) {
        button.disabled = true;
        button.textContent = `${L.paused}: ${name}`;
      }
    };
    box.append(button);
  }
}

const socket = io('/live', { transports: ['websocket'], auth: { token: boot.token } });
socket.on('connect', () => {
  setText('status', L.connected);
  $('status').classList.add('ok');
  // Rejoin on every (re)connect: a new connection has no rooms.
  socket.emit('subscribe', { kind: 'theme', id: boot.themeId }, (reply) => {
    if (reply.ok && reply.data.snapshot) render(reply.data.snapshot);
  });
});
socket.on('disconnect', () => {
  setText('status', L.reconnecting);
  $('status').classList.remove('ok');
});
socket.on('metrics', render);
socket.on('alert', addAlert);
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
setInterval(tickClock, 1000);
void killSwitch();
