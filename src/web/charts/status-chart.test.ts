import { describe, expect, it } from 'vitest';
import { statusChartOption } from './status-chart.ts';

describe('statusChartOption', () => {
  it('draws non-zero statuses with their colours, in the given order', () => {
    const option = statusChartOption([
      { code: 'identified', label: '贫困户', count: 120 },
      { code: 'exited', label: '已脱贫', count: 300 },
      { code: 'returned', label: '返贫', count: 0 },
    ]);
    const series = (option.series as { data: { name: string; value: number; itemStyle: { color: string } }[] }[])[0];
    expect(series?.data).toEqual([
      { name: '贫困户', value: 120, itemStyle: { color: '#cf1322' } },
      { name: '已脱贫', value: 300, itemStyle: { color: '#389e0d' } },
    ]);
  });

  it('hides slice labels when compact (phones)', () => {
    const option = statusChartOption([], { compact: true });
    expect((option.series as { label: { show: boolean } }[])[0]?.label.show).toBe(false);
  });
});
