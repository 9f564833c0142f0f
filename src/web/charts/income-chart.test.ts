import { describe, expect, it } from 'vitest';
import { binLabel, incomeChartOption, isBelowLine } from './income-chart.ts';

const bins = [
  { code: 'lt_0_8', fromRatio: null, toRatio: 0.8, count: 3 },
  { code: '0_8_to_1', fromRatio: 0.8, toRatio: 1, count: 7 },
  { code: '1_to_1_2', fromRatio: 1, toRatio: 1.2, count: 20 },
  { code: 'ge_2', fromRatio: 2, toRatio: null, count: 1 },
];

describe('incomeChartOption', () => {
  it('labels bins as multiples of the line', () => {
    expect(bins.map(binLabel)).toEqual(['<0.8×', '0.8–1×', '1–1.2×', '≥2×']);
  });

  it('colours bins below the line red and the rest green, counts as given', () => {
    expect(bins.map(isBelowLine)).toEqual([true, true, false, false]);
    const option = incomeChartOption(bins, { seriesName: '户数' });
    const data = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0]?.data;
    expect(data?.map((d) => d.value)).toEqual([3, 7, 20, 1]);
    expect(data?.map((d) => d.itemStyle.color)).toEqual(['#cf1322', '#cf1322', '#389e0d', '#389e0d']);
  });
});
