/**
 * 覆盖情况: the scope's gaps in the grid organisation as stat cards, a roll-up by township or village (click a
 * unit to make it the scope), and each gap listed with a link to its grid, group, member or natural village.
 */
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { QueryState } from '../../components/query-state.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { CoverageGaps } from './coverage-gaps.tsx';
import { type CoverageReport, useCoverage } from './grid-api.ts';
import { type GridMessages, gridMessages } from './grid-messages.ts';
import './grids.css';

type CountKey = keyof CoverageReport['totals'];
const KEYS = Object.keys(gridMessages.zh.coverage.totals) as CountKey[];
/** Counts that are gaps: red when above zero. */
const isGap = (key: CountKey) => key !== 'grids' && key !== 'groups';

function Totals({ totals, m }: { totals: CoverageReport['totals']; m: GridMessages['coverage'] }) {
  const fontSize = useIsPhone() ? 18 : 22;
  return (
    <Row gutter={[12, 12]} className="grid-section grid-stats">
      {KEYS.map((key) => (
        <Col key={key} xs={12} sm={8} lg={6} xl={4}>
          <Card size="small">
            <div data-testid={`coverage-${key}`} data-value={totals[key]}>
              <Statistic
                title={m.totals[key]}
                value={totals[key]}
                styles={{ content: { fontSize, color: isGap(key) && totals[key] > 0 ? '#cf1322' : undefined } }}
              />
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

type Unit = CoverageReport['units'][number];
type UnitRow = Unit & { children?: UnitRow[] };

/** Villages nested under their township (the county's report lists both levels), so the roll-up reads as a tree. */
function unitTree(units: Unit[]): UnitRow[] {
  const townships = new Map<string, UnitRow>();
  for (const u of units) if (u.level === 'township') townships.set(u.code, { ...u });
  const roots: UnitRow[] = [];
  for (const u of units) {
    if (u.level === 'township') roots.push(townships.get(u.code)!);
    else {
      const parent = townships.get(u.code.slice(0, 9));
      if (parent) parent.children = [...(parent.children ?? []), { ...u }];
      else roots.push({ ...u });
    }
  }
  return roots;
}

function Units({ report, m }: { report: CoverageReport; m: GridMessages['coverage'] }) {
  const { setScope } = useScope();
  if (report.units.length === 0) return null;
  return (
    <Card size="small" title={m.units} className="grid-section">
      <Table<UnitRow>
        size="small"
        rowKey="code"
        dataSource={unitTree(report.units)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: m.unit,
            fixed: 'left',
            render: (_, u) => (
              <Typography.Link onClick={() => setScope(u.code)} data-testid={`coverage-unit-${u.code}`}>
                {u.name}
              </Typography.Link>
            ),
          },
          ...KEYS.map((key) => ({
            key,
            title: m.totals[key],
            render: (_: unknown, u: UnitRow) => (
              <span className={isGap(key) && u[key] > 0 ? 'grid-over' : undefined}>{u[key]}</span>
            ),
          })),
        ]}
      />
    </Card>
  );
}

export default function CoveragePage() {
  const m = useMessages(gridMessages).coverage;
  const { county, scope } = useScope();
  const report = useCoverage(county, scope);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.title}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      <QueryState query={report}>
        {(data) => (
          <>
            <Totals totals={data.totals} m={m} />
            <Units report={data} m={m} />
            <CoverageGaps gaps={data.gaps} m={m} />
          </>
        )}
      </QueryState>
    </>
  );
}
