import type { MetricsSnapshot } from '@promo/shared';
import type { Locale } from '../i18n/locale-preference.js';

/** ECharts options as plain data, built from a snapshot (pure, so they are unit-tested). */
export type ChartOption = Record<string, unknown>;

const yuan = (fen: number): number => Math.round(fen) / 100;

function minuteLabel(ms: number, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** Orders (bars) and GMV in yuan (line) per minute. */
export function ordersPerMinuteOption(snapshot: MetricsSnapshot, locale: Locale, timezone = 'Asia/Shanghai'): ChartOption {
  const points = [...snapshot.ordersPerMinute].sort((a, b) => a.minute - b.minute);
  const zh = locale === 'zh';
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [zh ? '订单' : 'Orders', zh ? 'GMV（元）' : 'GMV (¥)'], top: 0 },
    grid: { left: 48, right: 56, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: points.map((p) => minuteLabel(p.minute, timezone)) },
    yAxis: [{ type: 'value', name: zh ? '订单' : 'Orders' }, { type: 'value', name: '¥' }],
    series: [
      { name: zh ? '订单' : 'Orders', type: 'bar', data: points.map((p) => p.orders), itemStyle: { color: '#2f6fed' } },
      { name: zh ? 'GMV（元）' : 'GMV (¥)', type: 'line', yAxisIndex: 1, data: points.map((p) => yuan(p.gmv)), itemStyle: { color: '#d9363e' } },
    ],
  };
}

/** Flash-sale stock left as a share of the slot's allocation, per SKU. */
export function stockBurnDownOption(snapshot: MetricsSnapshot, locale: Locale): ChartOption {
  const rows = snapshot.stock.filter((s) => s.allocated > 0);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 110, right: 24, top: 12, bottom: 24 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((s) => s.sku) },
    series: [
      {
        name: locale === 'zh' ? '剩余库存' : 'Stock left',
        type: 'bar',
        data: rows.map((s) => {
          const pct = s.stockLeft === null ? 100 : Math.max(0, Math.round((s.stockLeft / s.allocated) * 100));
          return { value: pct, itemStyle: { color: pct <= 10 ? '#d92d20' : pct <= 30 ? '#c27c0e' : '#1f9d55' } };
        }),
      },
    ],
  };
}

/** GMV share by channel. */
export function channelsOption(snapshot: MetricsSnapshot, labels: Readonly<Record<string, string>>): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        data: snapshot.channels.map((c) => ({ name: labels[c.key] ?? c.key, value: yuan(c.gmv) })),
      },
    ],
  };
}

/** Budget used, as a share (null = no budget set). */
export function budgetShare(snapshot: MetricsSnapshot): number | null {
  const { total, spent } = snapshot.budget;
  if (total === null || total === 0) return null;
  return Math.min(1, Math.max(0, spent / total));
}
