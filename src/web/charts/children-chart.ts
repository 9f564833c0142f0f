/**
 * Households of each child unit (township, village …) stacked as in poverty / out of poverty / other, one bar
 * per unit. Each bar carries the unit's code so a click can drill down to it.
 */
import { type ChartOption, STATUS_COLORS, TIGHT_GRID } from './chart-option.ts';

export interface ChildBar {
  code: string;
  name: string;
  households: number;
  poor: number;
  exited: number;
}

export interface ChildrenChartLabels {
  poor: string;
  exited: string;
  other: string;
}

export function childrenChartHeight(count: number): number {
  return Math.max(180, 48 + count * 24);
}

/** The child a clicked bar stands for (ECharts reports the category index). */
export function childAt(children: readonly ChildBar[], dataIndex: number): string | undefined {
  return [...children].reverse()[dataIndex]?.code;
}

export function childrenChartOption(children: readonly ChildBar[], labels: ChildrenChartLabels): ChartOption {
  // Listed top to bottom in code order, so reversed for ECharts' bottom-up category axis.
  const rows = [...children].reverse();
  const series = (name: string, color: string, value: (c: ChildBar) => number) => ({
    type: 'bar' as const,
    name,
    stack: 'households',
    data: rows.map(value),
    itemStyle: { color },
    barMaxWidth: 16,
    cursor: 'pointer',
  });
  return {
    grid: { ...TIGHT_GRID, top: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((c) => c.name), axisTick: { show: false }, triggerEvent: true },
    series: [
      series(labels.poor, STATUS_COLORS.identified as string, (c) => c.poor),
      series(labels.exited, STATUS_COLORS.exited as string, (c) => c.exited),
      series(labels.other, '#d9d9d9', (c) => c.households - c.poor - c.exited),
    ],
  };
}
