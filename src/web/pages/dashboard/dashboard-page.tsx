/**
 * 概览 — the dashboard at "/": headline numbers of the selected scope, its units on a map and in a chart and
 * table (click one to drill down), and the figure charts. Figures come from one pre-aggregated API call; ECharts
 * downloads in parallel, so numbers show first and charts follow. `dashboard-ready` appears once the current
 * scope's data and the charts are on screen (e2e tests and the budgets bench wait for it).
 */
import { ArrowUpOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Row, Typography } from 'antd';
import { loadECharts, useECharts } from '../../charts/echart.tsx';
import { ErrorResult } from '../../components/query-state.tsx';
import { useLang, useMessages } from '../../i18n/i18n.tsx';
import { ScopeMap } from '../../map/scope-map.tsx';
import { useScope } from '../../scope/scope.tsx';
import { ChartCard } from './chart-card.tsx';
import { ChildrenChart, ChildrenTable } from './children-panel.tsx';
import { DashboardCharts } from './dashboard-charts.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { StatCards } from './stat-cards.tsx';
import { useDashboard } from './use-dashboard.ts';
import './dashboard.css';

// Start fetching ECharts with this page's own chunk, not after the first render.
void loadECharts();

export default function DashboardPage() {
  const m = useMessages(dashboardMessages);
  const { lang } = useLang();
  const { county, scope, setScope } = useScope();
  const query = useDashboard(county, scope);
  const echarts = useECharts();
  const data = query.data;

  if (query.isError && !data) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const current = data && !query.isPlaceholderData;
  const refreshed = data?.refreshedAt
    ? new Date(data.refreshedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')
    : null;
  return (
    <div className={`dashboard ${current ? '' : 'dashboard-stale'}`} aria-busy={!current}>
      <div className="page-title">
        <Typography.Title level={2} data-testid="dashboard-scope">
          {data?.scope.name ?? m.title}
        </Typography.Title>
        <span className="dashboard-meta">
          {!current ? m.updating : refreshed && m.refreshed(refreshed)}
          {scope.length > 6 && (
            <Button size="small" icon={<ArrowUpOutlined />} onClick={() => setScope(scope.slice(0, -3))}>
              {m.up}
            </Button>
          )}
        </span>
      </div>
      {!data ? (
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <ChartCard title={m.title}>
              <div className="dashboard-skeleton" />
            </ChartCard>
          </Col>
        </Row>
      ) : (
        <>
          <StatCards totals={data.totals} m={m} />
          {data.totals.households === 0 && data.totals.members === 0 ? (
            <Empty className="dashboard-empty" description={m.empty} />
          ) : (
            <Row gutter={[12, 12]} className="dashboard-section">
              <Col xs={24} xl={data.children.length > 0 ? 14 : 24}>
                <ChartCard title={m.map.title}>
                  <ScopeMap county={county} scope={scope} items={data.children} m={m.map} onDrill={setScope} />
                </ChartCard>
              </Col>
              {data.children.length > 0 && (
                <Col xs={24} xl={10}>
                  <ChildrenChart items={data.children} m={m} onDrill={setScope} />
                </Col>
              )}
              <Col span={24}>
                <DashboardCharts data={data} m={m} />
              </Col>
              {data.children.length > 0 && (
                <Col span={24}>
                  <ChildrenTable items={data.children} m={m} onDrill={setScope} />
                </Col>
              )}
            </Row>
          )}
        </>
      )}
      {current && echarts && <span data-testid="dashboard-ready" data-scope={data.scope.code} hidden />}
    </div>
  );
}
