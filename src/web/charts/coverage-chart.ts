/**
 * Coverage as shares: members in a grid and households paired with a helper, each against its whole, so the
 * organisation's "no gaps" goal reads as bars that should reach 100 %.
 */
import { type ChartOption, COLORS, TIGHT_GRID } from './chart-option.ts';

export interface CoverageShare {
  label: string;
  part: number;
  whole: number;
}

/** Percentage with one decimal; 0 when the whole is empty. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export function coverageChartOption(shares: readonly CoverageShare[]): ChartOption {
  const rows = [...shares].reverse();
  return {
    grid: { ...TIGHT_GRID, right: 56 },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const row = rows[(p as { dataIndex: number }).dataIndex];
        return row ? `${row.label}: ${row.part} / ${row.whole} (${percent(row.part, row.whole)}%)` : '';
      },
    },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => percent(r.part, r.whole)),
        itemStyle: { color: COLORS.members, borderRadius: [0, 3, 3, 0] },
        showBackground: true,
        label: { show: true, position: 'right', formatter: '{c}%' },
        barMaxWidth: 18,
      },
    ],
  };
}
