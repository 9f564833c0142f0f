import { describe, expect, it } from 'vitest';
import { aspectScaleFor, mapChartOption } from './map-chart.ts';

const regions = [
  { code: '340822100', name: '高河镇', value: 0.25 },
  { code: '340822101', name: '月山镇', value: 0.1 },
  { code: '340822102', name: '石牌镇', value: null },
];
const opts = {
  mapName: 'lianxin-340822',
  indicatorName: '贫困发生率',
  format: (v: number) => `${(v * 100).toFixed(1)}%`,
  aspectScale: 0.86,
  showLabels: true,
};

describe('mapChartOption', () => {
  it('matches regions by code and leaves units without a value blank', () => {
    const option = mapChartOption(regions, opts);
    const series = (
      option.series as { map: string; nameProperty: string; data: { name: string; value: number }[] }[]
    )[0];
    expect(series?.map).toBe('lianxin-340822');
    expect(series?.nameProperty).toBe('code');
    expect(series?.data.map((d) => d.name)).toEqual(['340822100', '340822101', '340822102']);
    expect(series?.data[2]?.value).toBeNaN();
  });

  it('spans the colour scale over the values present', () => {
    const visualMap = mapChartOption(regions, opts).visualMap as { min: number; max: number };
    expect([visualMap.min, visualMap.max]).toEqual([0.1, 0.25]);
    const flat = mapChartOption([{ code: 'x', name: 'x', value: 3 }], opts).visualMap as { min: number; max: number };
    expect([flat.min, flat.max]).toEqual([3, 4]);
  });

  it('shows names, not codes, in labels and tooltips', () => {
    const option = mapChartOption(regions, opts);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ name: '340822100', value: 0.25 })).toBe('高河镇<br/>贫困发生率: 25.0%');
    expect(tooltip.formatter({ name: '340822102', value: Number.NaN })).toBe('石牌镇<br/>贫困发生率: —');
    const label = (option.series as { label: { formatter: (p: unknown) => string } }[])[0]?.label;
    expect(label?.formatter({ name: '340822101' })).toBe('月山镇');
  });

  it('derives the aspect from the latitude', () => {
    expect(aspectScaleFor(30.3, 30.85)).toBeCloseTo(0.8607, 3);
  });
});
