import type { EffectReport } from './effect-report.service.js';
import { reportCharts } from './report-charts.js';

export type ReportLang = 'zh' | 'en';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
/** Report times are shown in the platform's business zone (the campaigns' default), not raw UTC. */
const REPORT_TIME_ZONE = 'Asia/Shanghai';
const instant = (ms: number, lang: ReportLang) =>
  `${new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: REPORT_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(ms)}`;
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The CSV: one `metric,value` row per figure, then the splits, money in fen (machine-readable). */
export function reportCsv(report: EffectReport): string {
  const rows: (string | number | null)[][] = [
    ['section', 'key', 'orders', 'gmv_fen', 'discount_fen', 'buyers', 'value'],
    ['summary', 'participation', null, null, null, report.participation, report.participation],
    ['summary', 'orders', report.orders, null, null, null, report.orders],
    ['summary', 'gmv_fen', null, report.gmv, null, null, report.gmv],
    ['summary', 'discount_cost_fen', null, null, report.discountCost, null, report.discountCost],
    ['summary', 'roi', null, null, null, null, report.roi],
    ['summary', 'budget_burn', null, null, null, null, report.budgetBurn],
    ['summary', 'new_user_conversion', null, null, null, null, report.newUserConversion.rate],
    ['summary', 'repurchase_rate', null, null, null, null, report.repurchase.rate],
    ...report.expected.map((e) => ['expected', e.effect, null, null, null, null, `${e.lift ?? ''}|${e.verdict}`]),
    ...report.byRegion.map((r) => ['region', r.key, r.orders, r.gmv, r.discount, r.buyers, null]),
    ...report.byChannel.map((r) => ['channel', r.key, r.orders, r.gmv, r.discount, r.buyers, null]),
    ...report.bySegment.map((r) => ['segment', r.key, r.orders, r.gmv, r.discount, r.buyers, null]),
  ];
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    // Quote separators and neutralise spreadsheet formulas in ids that came from clients.
    const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

/** A self-contained HTML report with server-rendered SVG charts (no script). */
export function reportHtml(report: EffectReport, lang: ReportLang): string {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const figures: [string, string][] = [
    [t('参与人数', 'Participants'), String(report.participation)],
    [t('订单', 'Orders'), String(report.orders)],
    ['GMV', money(report.gmv)],
    [t('优惠成本', 'Discount cost'), money(report.discountCost)],
    ['ROI', report.roi === null ? '—' : report.roi.toFixed(2)],
    [t('预算消耗', 'Budget burn'), pct(report.budgetBurn)],
    [t('新客转化', 'New-user conversion'), pct(report.newUserConversion.rate)],
    [t('复购率', 'Repurchase rate'), pct(report.repurchase.rate)],
  ];
  const verdicts = { below: t('低于预期', 'below'), within: t('符合预期', 'within'), above: t('超出预期', 'above'), unknown: t('无基线', 'no baseline') };
  const effects = report.expected
    .map((e) => `<tr><td>${escapeHtml(e.effect)}</td><td>${pct(e.lift)}</td><td>${pct(e.expected.low)}–${pct(e.expected.high)}</td><td>${verdicts[e.verdict]}</td></tr>`)
    .join('');
  const charts = reportCharts(report, t)
    .map((c) => `<figure><figcaption>${escapeHtml(c.title)}</figcaption>${c.svg}</figure>`)
    .join('\n');
  const title = `${t('活动效果报告', 'Effect report')} · ${escapeHtml(report.subject.name)}`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}figure{display:inline-block;margin:1rem}</style>
</head><body>
<h1>${title}</h1>
<p>${instant(report.window.from, lang)} — ${instant(report.window.to, lang)} (${REPORT_TIME_ZONE}) · ${t('提升基线', 'Lift basis')}: ${report.lift.basis === 'holdout' ? t('对照组', 'holdout') : t('活动前同期', 'pre-period')}</p>
<table>${figures.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
<h2>${t('与预期效果对比', 'Against the expected effects')}</h2>
<table><tr><th>${t('指标', 'Effect')}</th><th>${t('提升', 'Lift')}</th><th>${t('预期', 'Expected')}</th><th>${t('结论', 'Verdict')}</th></tr>${effects}</table>
<h2>${t('图表', 'Charts')}</h2>
${charts}
</body></html>`;
}
