/**
 * Everything of the dashboard drawn with ECharts: the scope's units on a map and in a bar chart, and the figure
 * charts. A lazy chunk of its own (with the antd parts only it uses), so the page's first screen is the headline
 * numbers; rendered as columns of the page's grid row. It also renders `dashboard-ready` once the current scope's
 * data and ECharts are here, so the marker can never appear before the charts are on screen.
 */
import { Col } from 'antd';
import type { DashboardBody } from '../../../shared/schemas/dashboard.ts';
import { ScopeMap } from '../../map/scope-map.tsx';
import { ChartCard } from './chart-card.tsx';
import { ChildrenChart } from './children-panel.tsx';
import { DashboardCharts } from './dashboard-charts.tsx';
import type { DashboardMessages } from './dashboard-messages.ts';

interface Props {
  county: string;
  scope: string;
  data: DashboardBody;
  m: DashboardMessages;
  onDrill: (code: string) => void;
  /** The data is the current scope's (not the previous one kept while loading) and ECharts has loaded. */
  ready: boolean;
}

export default function DashboardSections({ county, scope, data, m, onDrill, ready }: Props) {
  return (
    <>
      <Col xs={24} xl={data.children.length > 0 ? 14 : 24}>
        <ChartCard title={m.map.title}>
          <ScopeMap county={county} scope={scope} items={data.children} m={m.map} onDrill={onDrill} />
        </ChartCard>
      </Col>
      {data.children.length > 0 && (
        <Col xs={24} xl={10}>
          <ChildrenChart items={data.children} m={m} onDrill={onDrill} />
        </Col>
      )}
      <Col span={24}>
        <DashboardCharts data={data} m={m} />
      </Col>
      {ready && <span data-testid="dashboard-ready" data-scope={data.scope.code} hidden />}
    </>
  );
}
