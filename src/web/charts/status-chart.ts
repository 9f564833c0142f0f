/** Households by status: a doughnut, statuses in lifecycle order and status colours, zero counts left out. */
import { type ChartOption, type LabelledCount, STATUS_COLORS } from './chart-option.ts';

export function statusChartOption(items: readonly LabelledCount[], opts: { compact?: boolean } = {}): ChartOption {
  const data = items
    .filter((i) => i.count > 0)
    .map((i) => ({ name: i.label, value: i.count, itemStyle: { color: STATUS_COLORS[i.code] ?? '#8c8c8c' } }));
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: opts.compact ? ['35%', '60%'] : ['40%', '68%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { show: !opts.compact, formatter: '{c}' },
        data,
      },
    ],
  };
}
