/// <reference lib="dom" />
// The kiosk script: runs in the browser, bundled by esbuild when first requested. ECharts and the
// socket.io client are the global builds the page loads before it (no bundler needed for them).
import type { LiveAlert, LiveClientToServerEvents, LiveServerToClientEvents, MetricsSnapshot } from '@promo/shared';
import type { Socket } from 'socket.io-client';
import type { WarroomLabels } from '../warroom-labels.js';

interface Chart {
  setOption(option: object, opts?: { notMerge?: boolean; lazyUpdate?: boolean }): void;
  resize(): void;
  clear(): void;
  getWidth(): number;
}
declare const echarts: { init(el: HTMLElement, theme?: string): Chart };
declare const io: (url: string, options: object) => Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

interface Boot {
  themeId: string;
  token: string;
  lang: 'zh' | 'en';
  labels: WarroomLabels;
  names: { provinces: Record<string, string>; channels: Record<string, string> };
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

/**
 * Updates in place: setOption merges (notMerge false), so nothing flickers or re-renders whole.
 * No transition animation: at one update a second, axes and labels would spend a third of the
 * time half-way between two states (overlapping tick labels, missing bar labels).
 */
function update(id: string, option: object): void {
  chart(id).setOption({ backgroundColor: 'transparent', animation: false, ...option }, { notMerge: false, lazyUpdate: true });
}

/** Shrinks a tile figure that is wider than its tile (a festival's GMV runs to ten digits), down to half size. */
function fitFigure(el: HTMLElement): void {
  el.style.fontSize = '';
  const over = el.scrollWidth / Math.max(1, el.clientWidth);
  if (over > 1) el.style.fontSize = `${Math.max(0.5, 1 / over) * parseFloat(getComputedStyle(el).fontSize)}px`;
}

function setText(id: string, text: string): void {
  const el = $(id);
  if (el.textContent === text) return;
  el.textContent = text;
  if (el.classList.contains('big')) fitFigure(el);
}

/** Axis and label text large enough to read from across the room. */
const FONT = 15;
const axis = (type: 'value' | 'category', extra: object = {}) => ({ type, axisLabel: { fontSize: FONT, color: '#b8c4dc' }, splitLine: { lineStyle: { color: '#22304f' } }, ...extra });
const nameOf = (table: Record<string, string>, key: string) => table[key] ?? key;

/** The words a chart shows instead of an empty axis (hidden once it has data). */
const emptyNote = (show: boolean, text: string, left: string | number = 'center') => ({ show, text, left, top: 'middle', textAlign: 'center', textVerticalAlign: 'middle', textStyle: { fontSize: FONT, fontWeight: 'normal', color: '#8fa3c7' } });

/**
 * A share split: the ring on the left and a legend with each share on the right (outer labels get cut
 * off on small panels); on a narrow panel (a 720p screen) the legend goes under the ring instead.
 */
function pie(id: string, entries: MetricsSnapshot['regions'], names: Record<string, string>): void {
  const shown = entries.filter((r) => r.gmv > 0).slice(0, 8);
  const total = shown.reduce((sum, r) => sum + r.gmv, 0);
  const share = new Map(shown.map((r) => [nameOf(names, r.key), total > 0 ? r.gmv / total : 0]));
  // Before the first sale the ring is an outline with the words in it, not a grey disc that reads as a share.
  const empty = shown.length === 0;
  const narrow = chart(id).getWidth() < 340;
  const center = narrow ? ['50%', '34%'] : ['32%', '52%'];
  const formatter = (name: string) => `${name}  ${((share.get(name) ?? 0) * 100).toFixed(0)}%`;
  update(id, {
    tooltip: { show: false },
    title: { ...emptyNote(empty, L.noSales, center[0]), top: center[1] },
    legend: narrow
      ? { orient: 'horizontal', left: 'center', top: '66%', itemGap: 6, itemWidth: 14, textStyle: { fontSize: FONT - 2, color: '#e8ecf5' }, formatter }
      : { orient: 'vertical', left: '60%', top: 'middle', itemGap: 8, itemWidth: 25, textStyle: { fontSize: FONT, color: '#e8ecf5' }, formatter },
    series: [{ type: 'pie', radius: narrow ? ['22%', '40%'] : ['32%', '56%'], center, label: { show: false }, showEmptyCircle: true, emptyCircleStyle: { color: 'transparent', borderColor: '#2c3d63', borderWidth: 2 }, data: shown.map((r) => ({ name: nameOf(names, r.key), value: r.gmv / 100 })) }],
  });
}

function render(s: MetricsSnapshot): void {
  setText('gmv', yuan(s.gmv));
  setText('orders', s.orders.toLocaleString());
  setText('buyers', s.buyers.toLocaleString());
  setText('discount', yuan(s.discountSpent));
  setText('conversion', pct(s.conversion.rate));
  setText('errorRate', pct(s.errorRate));
  const minute = (ms: number) => new Date(ms).toTimeString().slice(0, 5);
  update('chart-opm', { grid: { left: 48, right: 16, top: 16, bottom: 28 }, xAxis: axis('category', { data: s.ordersPerMinute.map((p) => minute(p.minute)), splitLine: { show: false } }), yAxis: axis('value', { minInterval: 1 }), series: [{ type: 'line', smooth: true, symbol: 'none', lineStyle: { width: 3, color: '#5b8ff9' }, areaStyle: { opacity: 0.35, color: '#5b8ff9' }, data: s.ordersPerMinute.map((p) => p.orders) }] });
  lastStock = s.stock;
  renderStockList(Date.now());
  // Burn-down: share of each slot's stock still left (100% = untouched, 0 = sold out).
  // Before its first warm-up a slot has no stock reading: an empty bar marked "—", not a sold-out 0%.
  const left = s.stock.map((x) => (x.allocated > 0 && x.stockLeft !== null ? Math.round((x.stockLeft / x.allocated) * 100) : null));
  update('chart-stock', { title: emptyNote(s.stock.length === 0, L.noFlash), grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true }, xAxis: axis('value', { max: 100, show: false }), yAxis: axis('category', { inverse: true, data: s.stock.map((x) => x.sku), axisTick: { show: false }, axisLine: { show: s.stock.length > 0 } }), series: [{ type: 'bar', barMaxWidth: 18, showBackground: true, backgroundStyle: { color: '#22304f' }, itemStyle: { color: '#7ee2a8' }, label: { show: true, position: 'right', fontSize: FONT, color: '#e8ecf5', formatter: (p: { dataIndex: number }) => (left[p.dataIndex] === null ? '—' : `${left[p.dataIndex]}%`) }, data: left.map((v) => v ?? 0) }] });
  const used = s.budget.total ? Math.min(100, (s.budget.spent / s.budget.total) * 100) : 0;
  const gaugeColor = used >= 100 ? '#ff6b6b' : used >= 80 ? '#ffd166' : '#7ee2a8';
  update('chart-budget', {
    series: [{
      type: 'gauge', min: 0, max: 100, radius: '92%', center: ['50%', '58%'], startAngle: 210, endAngle: -30,
      progress: { show: true, width: 16, itemStyle: { color: gaugeColor } }, axisLine: { lineStyle: { width: 16, color: [[1, '#22304f']] } },
      pointer: { show: false }, axisTick: { show: false }, splitLine: { show: false }, axisLabel: { show: false },
      title: { show: true, offsetCenter: [0, '38%'], fontSize: FONT, color: '#8fa3c7' },
      detail: { valueAnimation: false, offsetCenter: [0, '-4%'], fontSize: 30, fontWeight: 700, color: '#e8ecf5', formatter: s.budget.total ? '{value}%' : L.unlimited },
      // Spent over total on two lines where one would run into the arc (a narrow panel).
      data: [{ value: Math.round(used * 10) / 10, name: s.budget.total ? `${L.budgetUsed} ${yuan(s.budget.spent)}${chart('chart-budget').getWidth() < 340 ? '\n' : ' '}/ ${yuan(s.budget.total)}` : '' }],
    }],
  });
  const top = s.topSkus.slice(0, 8);
  update('chart-top', { title: emptyNote(top.length === 0, L.noSales), grid: { left: 8, right: 40, top: 4, bottom: 4, containLabel: true }, xAxis: axis('value', { show: false }), yAxis: axis('category', { inverse: true, data: top.map((x) => x.key), axisTick: { show: false }, axisLine: { show: top.length > 0 } }), series: [{ type: 'bar', barMaxWidth: 18, itemStyle: { color: '#5b8ff9' }, label: { show: true, position: 'right', fontSize: FONT, color: '#e8ecf5' }, data: top.map((x) => x.orders) }] });
  pie('chart-region', s.regions, boot.names.provinces);
  pie('chart-channel', s.channels, boot.names.channels);
}

function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

function slotText(x: MetricsSnapshot['stock'][number], now: number): string {
  if (x.closesAt) return `${L.closesIn} ${countdown(x.closesAt - now)}`;
  return x.nextSlotAt ? `${L.nextSlot} ${countdown(x.nextSlotAt - now)}` : '';
}

/** One row per flash SKU (stock left / allocated, countdown), updated in place by its data-sku. */
function renderStockList(now: number): void {
  const list = $('stock-list');
  const wanted = new Set(lastStock.map((x) => `${x.campaignId}|${x.sku}`));
  for (const li of Array.from(list.children) as HTMLElement[]) if (!wanted.has(li.dataset.key ?? '')) li.remove();
  for (const x of lastStock) {
    const key = `${x.campaignId}|${x.sku}`;
    let li = Array.from(list.children).find((el) => (el as HTMLElement).dataset.key === key) as HTMLElement | undefined;
    if (!li) {
      li = document.createElement('li');
      li.dataset.key = key;
      li.dataset.sku = x.sku;
      for (const part of ['sku', 'left', 'of', 'when']) li.append(Object.assign(document.createElement('span'), { className: part }));
      li.querySelector('.sku')!.textContent = x.sku;
      list.append(li);
    }
    const left = li.querySelector<HTMLElement>('.left')!;
    const leftText = x.stockLeft === null ? '—' : x.stockLeft.toLocaleString();
    if (left.textContent !== leftText) left.textContent = leftText;
    left.classList.toggle('out', x.stockLeft === 0);
    const of = `/ ${x.allocated.toLocaleString()}`;
    const ofEl = li.querySelector('.of')!;
    if (ofEl.textContent !== of) ofEl.textContent = of;
    const when = slotText(x, now);
    const whenEl = li.querySelector('.when')!;
    if (whenEl.textContent !== when) whenEl.textContent = when;
  }
}

/** Ticks locally every second, so countdowns move even between snapshots. */
function tickClock(): void {
  const now = Date.now();
  setText('clock', new Date(now).toLocaleTimeString(boot.lang === 'zh' ? 'zh-CN' : 'en-US'));
  renderStockList(now);
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

/** The session token: a provisioned kiosk's `?token=`, else one signed in here (kept per tab, never put in the URL). */
const TOKEN_KEY = 'warroom.token';
let token = boot.token || (sessionStorage.getItem(TOKEN_KEY) ?? '');

async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
}

/** The header names the theme as the studio does (its name in the kiosk language); the id stays when the theme cannot be read, marked when there is none. */
async function themeName(): Promise<void> {
  const res = await api(`/themes/${encodeURIComponent(boot.themeId)}`);
  if (res.status === 404) setText('theme-name', `${boot.themeId} · ${L.noTheme}`);
  if (!res.ok) return;
  const detail = (await res.json()) as { theme?: { name: string; nameEn?: string } };
  const name = detail.theme ? (boot.lang === 'en' ? (detail.theme.nameEn ?? detail.theme.name) : detail.theme.name) : '';
  if (!name) return;
  setText('theme-name', name);
  document.title = `${L.title} · ${name}`;
}

/** Bumped by every sign-out: answers that arrive for an earlier session are dropped. */
let session = 0;

/** The kill switch: approvers (and admins) get a pause button per live campaign of the theme. */
async function killSwitch(): Promise<void> {
  const mine = session;
  const me = (await (await api('/auth/me')).json()) as { user?: { role: string } };
  if (me.user?.role !== 'approver' && me.user?.role !== 'admin') return;
  const live = (await (await api('/campaigns/live')).json()) as { campaigns?: { id: string; name: string; nameEn?: string; themeId?: string; status: string }[] };
  if (mine !== session) return;
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

function setStatus(text: string, ok: boolean): void {
  setText('status', text);
  $('status').classList.toggle('ok', ok);
}

/** The sign-in card over the page; `message` says why it is back (a refused token), else the hint. */
function showSignIn(message?: string): void {
  setStatus(L.signedOut, false);
  $('signout').hidden = true;
  const msg = $('signin-msg');
  msg.textContent = message ?? L.signInHint;
  msg.classList.toggle('error', message !== undefined);
  $('signin').hidden = false;
  $('signin-user').focus();
}

let socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> | null = null;
let loaded = false;

function connect(): void {
  socket?.disconnect();
  const live = io('/live', { transports: ['websocket'], auth: { token } });
  socket = live;
  live.on('connect', () => {
    $('signin').hidden = true;
    $('signout').hidden = false;
    setStatus(L.connected, true);
    // Rejoin on every (re)connect: a new connection has no rooms.
    live.emit('subscribe', { kind: 'theme', id: boot.themeId }, (reply) => {
      if (reply.ok && reply.data.snapshot) render(reply.data.snapshot);
    });
    if (!loaded) {
      loaded = true;
      void themeName();
      void killSwitch();
    }
  });
  // The server refuses a token with "unauthorized: …" or "forbidden: …"; anything else (a network
  // blip, a restart) is left to socket.io's reconnection.
  live.on('connect_error', (err) => {
    const reason = /^(unauthorized|forbidden)\b/.exec(err.message)?.[1];
    if (!reason) return;
    live.disconnect();
    sessionStorage.removeItem(TOKEN_KEY);
    token = '';
    showSignIn(reason === 'forbidden' ? L.roleRefused : L.tokenRefused);
  });
  live.on('disconnect', () => {
    if (token) setStatus(L.reconnecting, false);
  });
  live.on('metrics', render);
  live.on('alert', addAlert);
}

async function signIn(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const submit = $('signin-submit') as HTMLButtonElement;
  const msg = $('signin-msg');
  submit.disabled = true;
  submit.textContent = L.signingIn;
  try {
    const username = ($('signin-user') as HTMLInputElement).value;
    const password = ($('signin-pass') as HTMLInputElement).value;
    const res = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = res.ok ? ((await res.json()) as { token?: string }) : {};
    if (!body.token) {
      msg.textContent = res.status === 401 || res.status === 400 ? L.badLogin : L.loginFailed;
      msg.classList.add('error');
      return;
    }
    token = body.token;
    sessionStorage.setItem(TOKEN_KEY, token);
    ($('signin-pass') as HTMLInputElement).value = '';
    // A refused provisioning token must not come back on reload: the tab's session token takes over.
    dropUrlToken();
    connect();
  } catch {
    msg.textContent = L.loginFailed;
    msg.classList.add('error');
  } finally {
    submit.disabled = false;
    submit.textContent = L.submit;
  }
}

function dropUrlToken(): void {
  if (!new URL(window.location.href).searchParams.has('token')) return;
  const url = new URL(window.location.href);
  url.searchParams.delete('token');
  history.replaceState(null, '', url);
}

/** The figures of the session that ended: nothing of it stays behind the sign-in card. */
function clearFigures(): void {
  for (const id of ['gmv', 'orders', 'buyers', 'discount', 'conversion', 'errorRate']) setText(id, '—');
  for (const c of charts.values()) c.clear();
  lastStock = [];
  renderStockList(Date.now());
  $('alerts').replaceChildren();
  seenAlerts.clear();
  $('kill').replaceChildren();
}

/**
 * Ends this page's session and leaves the card for the next operator. A session signed in here is
 * logged out on the server; a provisioned `?token=` (which other kiosks may share) is only forgotten.
 */
async function signOut(): Promise<void> {
  const ending = token;
  const signedInHere = ending !== boot.token;
  session += 1;
  socket?.disconnect();
  socket = null;
  token = '';
  sessionStorage.removeItem(TOKEN_KEY);
  dropUrlToken();
  clearFigures();
  loaded = false;
  showSignIn();
  if (ending && signedInHere) await fetch('/api/v1/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${ending}` } }).catch(() => undefined);
}

($('signin-form') as HTMLFormElement).addEventListener('submit', (event) => void signIn(event));
$('signout').addEventListener('click', () => void signOut());
window.addEventListener('resize', () => {
  charts.forEach((c) => c.resize());
  document.querySelectorAll<HTMLElement>('.big').forEach(fitFigure);
});
tickClock();
setInterval(tickClock, 1000);
if (token) {
  $('signin').hidden = true;
  setStatus(L.reconnecting, false);
  connect();
} else {
  showSignIn();
}
