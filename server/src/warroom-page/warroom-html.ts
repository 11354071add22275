import { WARROOM_LABELS, type WarroomLabels, type WarroomLang } from './warroom-labels.js';
import { warroomNames } from './warroom-names.js';

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Shown over the page when there is no token (open at once, before the script runs) and by the
 * script when the socket refuses one. The form posts nowhere: the script signs in over the API.
 */
function signInCard(labels: WarroomLabels, open: boolean): string {
  return `<div id="signin" class="signin"${open ? '' : ' hidden'}><form id="signin-form" class="card"><h2>${labels.signIn}</h2><p id="signin-msg" class="msg">${labels.signInHint}</p>
<label>${labels.username}<input id="signin-user" name="username" autocomplete="username" required maxlength="128"></label>
<label>${labels.password}<input id="signin-pass" name="password" type="password" autocomplete="current-password" required maxlength="1024"></label>
<button id="signin-submit" type="submit">${labels.submit}</button></form></div>`;
}

/** The server-rendered shell: the layout and the boot data; the script fills it in place. */
export function warroomHtml(input: { themeId: string; token: string; lang: WarroomLang }): string {
  const labels = WARROOM_LABELS[input.lang];
  const boot = escapeAttr(JSON.stringify({ themeId: input.themeId, token: input.token, lang: input.lang, labels, names: warroomNames(input.lang) }));
  const tile = (id: string, label: string) => `<section class="tile"><h2>${label}</h2><div class="big" id="${id}">—</div></section>`;
  const chart = (id: string, label: string, cls = '') => `<section class="panel ${cls}"><h2>${label}</h2><div class="chart" id="${id}"></div></section>`;
  return `<!doctype html>
<html lang="${input.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${labels.title} · ${escapeAttr(input.themeId)}</title>
<link rel="stylesheet" href="/warroom/assets/warroom.css">
</head><body data-boot="${boot}">
<header><h1>${labels.title} · <span id="theme-name">${escapeAttr(input.themeId)}</span></h1><span id="status" class="status">${input.token ? labels.reconnecting : labels.signedOut}</span><span id="clock"></span><button id="signout" class="signout" type="button"${input.token ? '' : ' hidden'}>${labels.signOut}</button></header>
<main>
<div class="tiles">${tile('gmv', labels.gmv)}${tile('orders', labels.orders)}${tile('buyers', labels.buyers)}${tile('discount', labels.discount)}${tile('conversion', labels.conversion)}${tile('errorRate', labels.errorRate)}</div>
<div class="grid">
${chart('chart-opm', labels.ordersPerMinute, 'wide')}
<section class="panel"><h2>${labels.stock}</h2><div class="chart" id="chart-stock"></div><ul id="stock-list" class="stock-list"></ul></section>
<section class="panel"><h2>${labels.alerts}</h2><ol id="alerts" class="alerts" data-empty="${labels.noAlerts}"></ol><div id="kill" class="kill"></div></section>
${chart('chart-budget', labels.budget)}
${chart('chart-top', labels.topSkus)}
${chart('chart-region', labels.regions)}
${chart('chart-channel', labels.channels)}
</div>
</main>
${signInCard(labels, input.token === '')}
<script src="/socket.io/socket.io.min.js"></script>
<script src="/warroom/assets/echarts.min.js"></script>
<script type="module" src="/warroom/assets/warroom.js"></script>
</body></html>`;
}

// One screen, no scrolling: the page fills the viewport (a TV or a projector) and the panels share
// it; sizes follow the viewport so numbers stay readable from across the room.
export const WARROOM_CSS = `*{box-sizing:border-box}html,body{margin:0;height:100%;background:#0b0f1a;color:#e8ecf5;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif}
body{display:flex;flex-direction:column;overflow:hidden}
header{display:flex;align-items:center;gap:2rem;padding:.5rem 1.5rem;background:#111a2e}h1{font-size:clamp(1.4rem,2vw,2.4rem);margin:0;flex:1}
.status{padding:.2rem .9rem;border-radius:1rem;background:#5a2a2a;font-size:1.1rem}.status.ok{background:#1f5a35}#clock{font-variant-numeric:tabular-nums;font-size:clamp(1.2rem,1.8vw,2rem)}
main{flex:1;min-height:0;display:flex;flex-direction:column;gap:.8rem;padding:.8rem 1.2rem}
.tiles{display:grid;grid-template-columns:1.6fr 1fr 1fr 1.4fr 1fr 1fr;gap:.8rem}
.tile{background:#141d33;border-radius:.6rem;padding:.5rem 1rem;min-width:0}.tile h2,.panel h2{margin:0;font-size:clamp(.95rem,1.1vw,1.3rem);color:#8fa3c7;font-weight:500}
.big{font-size:clamp(1.8rem,3vw,3.6rem);font-weight:700;font-variant-numeric:tabular-nums;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}#gmv{color:#ffd166}
.grid{flex:1;min-height:0;display:grid;grid-template-columns:repeat(4,1fr);grid-template-rows:1fr 1fr;gap:.8rem}
.panel{background:#141d33;border-radius:.6rem;padding:.6rem .9rem;display:flex;flex-direction:column;min-height:0;min-width:0;container-type:inline-size}
.panel.wide{grid-column:span 2}.chart{flex:1;min-height:4rem}
.stock-list{list-style:none;margin:.2rem 0 0;padding:0;font-size:clamp(1rem,1.2vw,1.5rem);font-variant-numeric:tabular-nums}
.stock-list li{display:flex;flex-wrap:wrap;gap:0 .5rem;align-items:baseline;padding:.1rem 0}.stock-list .sku{flex:1 1 6.5em;color:#c9d4ea;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.stock-list .left{font-size:1.35em;font-weight:700;color:#7ee2a8}.stock-list .left.out{color:#ff6b6b}.stock-list .of{color:#8fa3c7}.stock-list .when{color:#ffd166;text-align:right;white-space:nowrap;margin-left:auto}@container (max-width:30rem){.stock-list .when{flex-basis:100%}}
.alerts{list-style:none;margin:.4rem 0;padding:0;flex:1;overflow:auto;font-size:clamp(1rem,1.2vw,1.4rem)}.alerts:empty::before{content:attr(data-empty);color:#5d6f92}
.alerts li{padding:.25rem 0;border-bottom:1px solid #22304f}.alerts .sold_out,.alerts .budget_100,.alerts .error_spike{color:#ff6b6b}.alerts .low_stock,.alerts .budget_80{color:#ffd166}
.kill button{margin:.3rem .3rem 0 0;padding:.5rem 1rem;font-size:1rem;background:#8b1e1e;color:#fff;border:0;border-radius:.4rem;cursor:pointer}
.signin{position:fixed;inset:0;display:flex;align-items:center;justify-content:center;background:rgba(11,15,26,.88)}.signin[hidden]{display:none}
.signin .card{display:flex;flex-direction:column;gap:.9rem;width:min(26rem,90vw);padding:2rem;background:#141d33;border:1px solid #22304f;border-radius:.8rem;box-shadow:0 1rem 3rem rgba(0,0,0,.5)}
.signin h2{margin:0;font-size:1.6rem}.signin .msg{margin:0;color:#8fa3c7}.signin .msg.error{color:#ff6b6b}
.signin label{display:flex;flex-direction:column;gap:.3rem;color:#8fa3c7}.signin input{padding:.6rem .8rem;font-size:1.1rem;color:#e8ecf5;background:#0b0f1a;border:1px solid #2c3b5e;border-radius:.4rem}
.signout{padding:.3rem .9rem;font-size:1rem;color:#c9d3e6;background:transparent;border:1px solid #2c3b5e;border-radius:.4rem;cursor:pointer}.signout[hidden]{display:none}
.signin button{padding:.7rem;font-size:1.1rem;color:#fff;background:#2f6fed;border:0;border-radius:.4rem;cursor:pointer}.signin button:disabled{opacity:.6;cursor:wait}`;
