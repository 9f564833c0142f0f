import { describe, expect, it } from 'vitest';
import { rankedBarHeight, rankedBarOption } from './ranked-bar-chart.ts';

describe('rankedBarOption', () => {
  const items = [
    { code: 'skills', label: '缺技术', count: 5 },
    { code: 'illness', label: '因病', count: 40 },
    { code: 'disability', label: '因残', count: 12 },
  ];

  it('puts the largest count on top (last on the category axis) with the numbers beside the bars', () => {
    const option = rankedBarOption(items, { color: '#c0392b', seriesName: '户数' });
    expect((option.yAxis as { data: string[] }).data).toEqual(['缺技术', '因残', '因病']);
    const series = (option.series as { data: number[]; name: string; itemStyle: { color: string } }[])[0];
    expect(series?.data).toEqual([5, 12, 40]);
    expect(series?.name).toBe('户数');
    expect(series?.itemStyle.color).toBe('#c0392b');
  });

  it('grows with the number of bars, with a floor', () => {
    expect(rankedBarHeight(0)).toBe(160);
    expect(rankedBarHeight(16)).toBe(40 + 16 * 26);
  });
});
