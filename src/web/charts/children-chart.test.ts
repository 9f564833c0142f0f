import { describe, expect, it } from 'vitest';
import { childAt, childrenChartHeight, childrenChartOption } from './children-chart.ts';

const children = [
  { code: '340822100', name: '高河镇', households: 100, poor: 30, exited: 60 },
  { code: '340822101', name: '月山镇', households: 50, poor: 5, exited: 40 },
];
const labels = { poor: '贫困', exited: '已脱贫', other: '其他' };

describe('childrenChartOption', () => {
  it('stacks poor, exited and other households per unit, first unit on top', () => {
    const option = childrenChartOption(children, labels);
    expect((option.yAxis as { data: string[] }).data).toEqual(['月山镇', '高河镇']);
    const series = option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['贫困', [5, 30]],
      ['已脱贫', [40, 60]],
      ['其他', [5, 10]],
    ]);
    expect(new Set(series.map((s) => s.stack)).size).toBe(1);
  });

  it('maps a clicked bar back to the unit code for drill-down', () => {
    expect(childAt(children, 0)).toBe('340822101');
    expect(childAt(children, 1)).toBe('340822100');
    expect(childAt(children, 2)).toBeUndefined();
  });

  it('is tall enough for every bar', () => {
    expect(childrenChartHeight(20)).toBe(48 + 20 * 24);
  });
});
