import * as echarts from 'echarts';
import type { EffectReport } from './effect-report.service.js';

/** Hour labels in the business zone (Asia/Shanghai), like the report's window. */
const HOUR_LABEL = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });

const WIDTH = 640;
const HEIGHT = 300;

/** Renders one ECharts option to an SVG string on the server (no DOM). */
function svg(option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const yuan = (fen: number) => Math.round(fen) / 100;

/** The report's charts as SVG: GMV per hour, region and channel split, variant comparison. */
export function reportCharts(report: EffectReport, t: (zh: string, en: string) => string): { title: string; svg: string }[] {
  const charts = [
    {
      title: t('每小时 GMV（元）与订单', 'GMV per hour (¥) and orders'),
      svg: svg({
        tooltip: {},
        legend: { data: ['GMV', t('订单', 'Orders')] },
        xAxis: { type: 'category', data: report.hourly.map((h) => HOUR_LABEL.format(h.hour)) },
        yAxis: [{ type: 'value' }, { type: 'value' }],
        series: [
          { name: 'GMV', type: 'line', data: report.hourly.map((h) => yuan(h.gmv)) },
          { name: t('订单', 'Orders'), type: 'bar', yAxisIndex: 1, data: report.hourly.map((h) => h.orders) },
        ],
      }),
    },
    {
      title: t('地区 GMV（元）', 'GMV by region (¥)'),
      svg: svg({ xAxis: { type: 'category', data: report.byRegion.map((r) => r.key) }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: report.byRegion.map((r) => yuan(r.gmv)) }] }),
    },
    {
      title: t('渠道 GMV 占比', 'GMV share by channel'),
      svg: svg({ series: [{ type: 'pie', radius: '60%', data: report.byChannel.map((c) => ({ name: c.key, value: yuan(c.gmv) })) }] }),
    },
  ];
  for (const experiment of report.experiments) {
    charts.push({
      title: t(`实验 ${experiment.experimentId}：各组转化率`, `Experiment ${experiment.experimentId}: conversion by arm`),
      svg: svg({
        xAxis: { type: 'category', data: experiment.arms.map((a) => a.key) },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        series: [{ type: 'bar', data: experiment.arms.map((a) => Math.round((a.summary.conversionRate ?? 0) * 10_000) / 100) }],
      }),
    });
  }
  return charts;
}
