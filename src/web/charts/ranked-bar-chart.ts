/**
 * Counts by code as horizontal bars, largest on top (causes of poverty, members' expertise and willingness).
 * Horizontal because the Chinese labels are long and phones are narrow.
 */
import { type ChartOption, type LabelledCount, TIGHT_GRID } from './chart-option.ts';

/** Height in pixels that gives each bar room on any screen. */
export function rankedBarHeight(count: number): number {
  return Math.max(160, 40 + count * 26);
}

export function rankedBarOption(
  items: readonly LabelledCount[],
  opts: { color: string; seriesName: string },
): ChartOption {
  // ECharts draws the first category at the bottom of a vertical axis; reverse so the largest is on top.
  const sorted = [...items].sort((a, b) => b.count - a.count).reverse();
  return {
    grid: TIGHT_GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((i) => i.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: opts.seriesName,
        data: sorted.map((i) => i.count),
        itemStyle: { color: opts.color, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right' },
        barMaxWidth: 18,
      },
    ],
  };
}
