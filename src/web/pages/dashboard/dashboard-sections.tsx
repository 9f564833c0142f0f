/**
 * Everything of the dashboard drawn with ECharts: the scope's units on a map and in a bar chart, and the figure
 * charts. A lazy chunk of its own (with the antd parts only it uses), so the page's first screen is the headline
 * numbers; rendered as columns of the page's grid row. It also renders `dashboard-ready` once the current scope's
 * data and ECharts are here and the scope's map is drawn, so the marker never appears before the figures and the
 * map. The units' bar chart and the figure charts are drawn after the map (the first screen's CPU goes to the
 * figures and the map first, on phones too); they show skeletons until then and do not hold the marker back.
 */
import { Col } from 'antd';
import type { DashboardBody } from '../../../shared/schemas/dashboard.ts';
import { useCan } from '../../auth/session.tsx';
import { moduleLoader, useLoadedModule } from '../../components/use-loaded-module.ts';
import { ScopeMap } from '../../map/scope-map.tsx';
import { ChartCard } from './chart-card.tsx';
import { ChildrenChart } from './children-panel.tsx';
import { DashboardCharts } from './dashboard-charts.tsx';
import type { DashboardMessages } from './dashboard-messages.ts';

// Things done and problem figures (办实事): their own chunk and request, after the map (below the first screen).
const loadThingsDone = moduleLoader(() => import('../warnings/things-done-section.tsx'));
// Party life and stars (党组织生活与星级评定): likewise, only for roles that read Party life in the scope.
const loadPartyLife = moduleLoader(() => import('./party-life-section.tsx'));

interface Props {
  county: string;
  scope: string;
  data: DashboardBody;
  m: DashboardMessages;
  onDrill: (code: string) => void;
  /** The data is the current scope's (not the previous one kept while loading) and ECharts has loaded. */
  ready: boolean;
  /** The scope whose map was last drawn (null before the first), kept by the page. */
  mapScope: string | null;
  onMapSettled: (scope: string) => void;
}

export default function DashboardSections({ county, scope, data, m, onDrill, ready, mapScope, onMapSettled }: Props) {
  const thingsDone = useLoadedModule(loadThingsDone, mapScope !== null);
  const can = useCan();
  const partyLife = useLoadedModule(loadPartyLife, mapScope !== null && can('party.read', scope));
  return (
    <>
      <Col xs={24} xl={data.children.length > 0 ? 14 : 24}>
        <ChartCard title={m.map.title}>
          <ScopeMap
            county={county}
            scope={scope}
            items={data.children}
            m={m.map}
            onDrill={onDrill}
            onSettled={onMapSettled}
          />
        </ChartCard>
      </Col>
      {data.children.length > 0 && (
        <Col xs={24} xl={10}>
          {mapScope !== null ? (
            <ChildrenChart items={data.children} m={m} onDrill={onDrill} />
          ) : (
            <ChartCard title={m.charts.children}>
              <div className="dashboard-skeleton" />
            </ChartCard>
          )}
        </Col>
      )}
      <Col span={24}>
        {mapScope !== null ? <DashboardCharts data={data} m={m} /> : <div className="dashboard-skeleton" />}
      </Col>
      {thingsDone && (
        <Col span={24}>
          <thingsDone.default county={county} scope={scope} />
        </Col>
      )}
      {partyLife && (
        <Col span={24}>
          <partyLife.default county={county} scope={scope} />
        </Col>
      )}
      {ready && mapScope === scope && <span data-testid="dashboard-ready" data-scope={data.scope.code} hidden />}
    </>
  );
}
