import { WARROOM_LABELS, type WarroomLang } from './warroom-labels.js';

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The server-rendered shell: the layout and the boot data; the script fills it in place. */
export function warroomHtml(input: { themeId: string; token: string; lang: WarroomLang }): string {
  const labels = WARROOM_LABELS[input.lang];
  const boot = escapeAttr(JSON.stringify({ themeId: input.themeId, token: input.token, lang: input.lang, labels }));
  const tile = (id: string, label: string) => `<section class="tile"><h2>${label}</h2><div class="big" id="${id}">—</div></section>`;
  const chart = (id: string, label: string, wide = false) => `<section class="panel${wide ? ' wide' : ''}"><h2>${label}</h2><div class="chart" id="${id}"></div></section>`;
  return `<!doctype html>
<html lang="${input.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${labels.title} · ${escapeAttr(input.themeId)}</title>
<link rel="stylesheet" href="/warroom/assets/warroom.css">
</head><body data-boot="${boot}">
<header><h1>${labels.title} · <span>${escapeAttr(input.themeId)}</span></h1><span id="status" class="status">${labels.reconnecting}</span><span id="clock"></span></header>
<main>
<div class="tiles">${tile('gmv', labels.gmv)}${tile('orders', labels.orders)}${tile('buyers', labels.buyers)}${tile('discount', labels.discount)}${tile('conversion', labels.conversion)}${tile('errorRate', labels.errorRate)}</div>
<div class="grid">
${chart('chart-opm', labels.ordersPerMinute, true)}
${chart('chart-stock', labels.stock)}
${chart('chart-budget', labels.budget)}
${chart('chart-top', labels.topSkus)}
${chart('chart-region', labels.regions)}
${chart('chart-channel', labels.channels)}
<section class="panel"><h2>${labels.alerts}</h2><ol id="alerts" class="alerts"></ol><div id="slots" class="slots"></div><div id="kill" class="kill"></div></section>
</div>
</main>
<script src="/socket.io/socket.io.min.js"></script>
<script src="/warroom/assets/echarts.min.js"></script>
<script type="module" src="/warroom/assets/warroom.js"></script>
</body></html>`;
}

export const WARROOM_CSS = `html,body{margin:0;height:100%;background:#0b0f1a;color:#e8ecf5;font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif}
header{display:flex;align-items:center;gap:2rem;padding:.6rem 1.5rem;background:#111a2e}h1{font-size:1.8rem;margin:0;flex:1}
.status{padding:.2rem .8rem;border-radius:1rem;background:#5a2a2a}.status.ok{background:#1f5a35}#clock{font-variant-numeric:tabular-nums;font-size:1.4rem}
main{padding:1rem 1.5rem}.tiles{display:grid;grid-template-columns:repeat(6,1fr);gap:1rem}
.tile{background:#141d33;border-radius:.6rem;padding:.8rem 1rem}.tile h2,.panel h2{margin:0;font-size:1rem;color:#8fa3c7;font-weight:500}
.big{font-size:2.6rem;font-weight:700;font-variant-numeric:tabular-nums;white-space:nowrap}#gmv{color:#ffd166}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:1rem;margin-top:1rem}.panel{background:#141d33;border-radius:.6rem;padding:.8rem 1rem}
.panel.wide{grid-column:span 2}.chart{height:16rem}.alerts{list-style:none;margin:.4rem 0;padding:0;max-height:9rem;overflow:auto;font-size:1.1rem}
.alerts li{padding:.2rem 0;border-bottom:1px solid #22304f}.alerts .sold_out,.alerts .budget_100,.alerts .error_spike{color:#ff6b6b}.alerts .low_stock,.alerts .budget_80{color:#ffd166}
.slots{font-size:1.1rem;font-variant-numeric:tabular-nums}.kill button{margin:.3rem .3rem 0 0;padding:.5rem 1rem;font-size:1rem;background:#8b1e1e;color:#fff;border:0;border-radius:.4rem;cursor:pointer}`;
