/**
 * Per-capita net income by year against the poverty line. Loaded lazily (echarts is large and only this record
 * view needs it), and built from echarts' core with just a bar, a line and a canvas renderer.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { HouseholdDetail } from './household-api.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  income: HouseholdDetail['income'];
  netLabel: string;
  lineLabel: string;
}

export default function IncomeChart({ income, netLabel, lineLabel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current);
    chart.setOption({
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: income.map((r) => String(r.year)) },
      yAxis: { type: 'value' },
      series: [
        {
          name: netLabel,
          type: 'bar',
          data: income.map((r) => ({
            value: r.perCapitaNet,
            itemStyle: { color: r.aboveLine ? '#52c41a' : '#f5222d' },
          })),
        },
        { name: lineLabel, type: 'line', step: 'end', data: income.map((r) => r.povertyLine) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [income, netLabel, lineLabel]);
  return <div ref={box} className="income-chart" role="img" aria-label={netLabel} />;
}
