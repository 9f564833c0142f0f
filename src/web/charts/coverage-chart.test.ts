import { describe, expect, it } from 'vitest';
import { coverageChartOption, percent } from './coverage-chart.ts';

describe('coverageChartOption', () => {
  it('computes shares in percent with one decimal, 0 for an empty whole', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });

  it('draws one bar per share up to 100 %, first share on top', () => {
    const option = coverageChartOption([
      { label: '入格党员', part: 50, whole: 200 },
      { label: '结对贫困户', part: 0, whole: 120 },
    ]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['结对贫困户', '入格党员']);
    expect((option.series as { data: number[] }[])[0]?.data).toEqual([0, 25]);
    expect((option.xAxis as { max: number }).max).toBe(100);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ dataIndex: 1 })).toBe('入格党员: 50 / 200 (25%)');
  });
});
