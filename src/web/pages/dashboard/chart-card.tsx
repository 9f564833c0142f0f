/** A titled card around one chart (or a state in its place), the same everywhere on the dashboard. */
import { Card } from 'antd';
import type { ReactNode } from 'react';

export function ChartCard(props: { title: ReactNode; extra?: ReactNode; note?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={props.title} extra={props.extra} className="dashboard-chart-card">
      {props.note && <div className="dashboard-chart-note">{props.note}</div>}
      {props.children}
    </Card>
  );
}
