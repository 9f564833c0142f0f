/**
 * The scope's child units as a stacked bar chart (poor / exited / other households); clicking a bar or its label
 * drills down: the child becomes the scope. The same units as a sortable table are in children-table.tsx, a chunk
 * of its own (antd's Table is heavy and below the fold).
 */
import { useMemo } from 'react';
import type { DashboardChildBody } from '../../../shared/schemas/dashboard.ts';
import { childAt, childrenChartHeight, childrenChartOption } from '../../charts/children-chart.ts';
import { type ChartClick, EChart } from '../../charts/echart.tsx';
import { ChartCard } from './chart-card.tsx';
import type { DashboardMessages } from './dashboard-messages.ts';

interface Props {
  items: DashboardChildBody[];
  m: DashboardMessages;
  onDrill: (code: string) => void;
}

export function ChildrenChart({ items, m, onDrill }: Props) {
  const option = useMemo(() => childrenChartOption(items, m.series), [items, m]);
  const onClick = (click: ChartClick) => {
    const code =
      click.componentType === 'series'
        ? childAt(items, click.dataIndex)
        : items.find((c) => c.name === click.name)?.code;
    if (code) onDrill(code);
  };
  return (
    <ChartCard title={m.charts.children}>
      <EChart
        option={option}
        height={childrenChartHeight(items.length)}
        ariaLabel={m.charts.children}
        onClick={onClick}
        testId="chart-children"
      />
    </ChartCard>
  );
}
