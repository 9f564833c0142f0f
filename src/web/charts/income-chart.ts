/**
 * Households by per-capita net income relative to the poverty line: bins below the line in red, above in green,
 * so "how many are still under the line, and how far" reads at a glance.
 */
import { type ChartOption, COLORS, TIGHT_GRID } from './chart-option.ts';

export interface IncomeBin {
  code: string;
  fromRatio: number | null;
  toRatio: number | null;
  count: number;
}

/** "<0.8×", "0.8–1×", "≥2×": the bin's edges as multiples of the line. */
export function binLabel(bin: Pick<IncomeBin, 'fromRatio' | 'toRatio'>): string {
  if (bin.fromRatio === null) return `<${bin.toRatio}×`;
  if (bin.toRatio === null) return `≥${bin.fromRatio}×`;
  return `${bin.fromRatio}–${bin.toRatio}×`;
}

/** A bin lies below the line when its upper edge is at most the line. */
export const isBelowLine = (bin: Pick<IncomeBin, 'toRatio'>) => bin.toRatio !== null && bin.toRatio <= 1;

export function incomeChartOption(bins: readonly IncomeBin[], opts: { seriesName: string }): ChartOption {
  return {
    grid: TIGHT_GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: bins.map(binLabel), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: opts.seriesName,
        data: bins.map((b) => ({ value: b.count, itemStyle: { color: isBelowLine(b) ? COLORS.below : COLORS.above } })),
        label: { show: true, position: 'top' },
        barMaxWidth: 40,
      },
    ],
  };
}
