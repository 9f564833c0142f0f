/**
 * 概览 — the dashboard at "/": headline numbers of the selected scope, its units on a map and in a chart and
 * table (click one to drill down), and the figure charts. Figures come from one pre-aggregated API call. This
 * chunk holds only the headline cards and light antd parts (the first screen's budget); the charts and map
 * (dashboard-sections.tsx), the table (children-table.tsx, antd's Table) and ECharts are lazy chunks whose
 * download starts with this chunk, so numbers show first and the rest follows behind skeletons.
 * `dashboard-ready` appears once the current scope's data and the charts are on screen (e2e tests and the budgets
 * bench wait for it): the sections chunk renders it, or this page when there is nothing to chart.
 */
import { ArrowUpOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Row, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { loadECharts, useECharts } from '../../charts/echart.tsx';
import { moduleLoader, useLoadedModule } from '../../components/use-loaded-module.ts';
import { useLang, useMessages } from '../../i18n/i18n.tsx';
import { useMapQuery } from '../../map/map-query.ts';
import { useScope } from '../../scope/scope.tsx';
import { ChartCard } from './chart-card.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { StatCards } from './stat-cards.tsx';
import { useDashboard } from './use-dashboard.ts';
import './dashboard.css';

// Start fetching ECharts and the lazy sections with this page's own chunk, not after the first render (on a first
// visit of "/", app/early-requests.ts has started them already). The units' table (antd's Table, below the fold)
// loads once the map is drawn, so it does not compete with the map for the CPU. No Suspense: see
// use-loaded-module.ts.
const loadSections = moduleLoader(() => import('./dashboard-sections.tsx'));
const loadTable = moduleLoader(() => import('./children-table.tsx'));
void loadECharts();
void loadSections();
// Only a failed first load shows it, so antd's Result and Alert stay off the first screen too.
const ErrorResult = lazy(() =>
  import('../../components/query-state.tsx').then((module) => ({ default: module.ErrorResult })),
);

/** A titled card with a shimmering block, in place of a chart, the map or the table while its chunk downloads. */
function Placeholder({ title }: { title: ReactNode }) {
  return (
    <ChartCard title={title}>
      <div className="dashboard-skeleton" />
    </ChartCard>
  );
}

export default function DashboardPage() {
  const m = useMessages(dashboardMessages);
  const { lang } = useLang();
  const { county, scope, setScope } = useScope();
  const query = useDashboard(county, scope);
  useMapQuery(county, scope); // the map's GeoJSON in parallel with the figures, not after the map's chunk
  const echarts = useECharts();
  const sections = useLoadedModule(loadSections);
  // The scope whose map was last drawn: what comes below the map waits for the first one.
  const [mapScope, setMapScope] = useState<string | null>(null);
  const table = useLoadedModule(loadTable, mapScope !== null);
  const data = query.data;

  if (query.isError && !data) {
    return (
      <Suspense fallback={null}>
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      </Suspense>
    );
  }
  const current = data && !query.isPlaceholderData;
  // Nothing to chart: no sections chunk, so this page renders the ready marker itself.
  const empty = data !== undefined && data.totals.households === 0 && data.totals.members === 0;
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
            <Placeholder title={m.title} />
          </Col>
        </Row>
      ) : (
        <>
          <StatCards totals={data.totals} m={m} />
          {empty ? (
            <Empty className="dashboard-empty" description={m.empty} />
          ) : (
            <Row gutter={[12, 12]} className="dashboard-section">
              {sections ? (
                <sections.default
                  county={county}
                  scope={scope}
                  data={data}
                  m={m}
                  onDrill={setScope}
                  ready={Boolean(current && echarts)}
                  mapScope={mapScope}
                  onMapSettled={setMapScope}
                />
              ) : (
                <>
                  <Col xs={24} xl={data.children.length > 0 ? 14 : 24}>
                    <Placeholder title={m.map.title} />
                  </Col>
                  {data.children.length > 0 && (
                    <Col xs={24} xl={10}>
                      <Placeholder title={m.charts.children} />
                    </Col>
                  )}
                </>
              )}
              {data.children.length > 0 && (
                <Col span={24}>
                  {table ? (
                    <table.ChildrenTable items={data.children} m={m} onDrill={setScope} />
                  ) : (
                    <Placeholder title={m.table.title} />
                  )}
                </Col>
              )}
            </Row>
          )}
        </>
      )}
      {current && echarts && empty && <span data-testid="dashboard-ready" data-scope={data.scope.code} hidden />}
    </div>
  );
}
