/** The headline figures of a partition plan and its rule notes (breach code → count). */
import { Card, Col, Row, Tag } from 'antd';
import type { GridPlan } from './grid-api.ts';
import type { GridMessages } from './grid-messages.ts';

const KEYS = [
  'villages',
  'villagesChanged',
  'grids',
  'gridsKept',
  'gridsCreated',
  'gridsRetired',
  'membersMoved',
  'naturalVillagesMoved',
  'householdsMoved',
] as const;

interface Props {
  plan: GridPlan;
  /** The plan's status as of now (it becomes applied on this page). */
  status: GridPlan['status'];
  m: GridMessages['plan'];
}

export function PlanSummary({ plan, status, m }: Props) {
  const s = plan.summary;
  const spread = `${s.membersPerGrid.min} / ${s.membersPerGrid.median} / ${s.membersPerGrid.max}`;
  const cells: [string, string, string | number][] = [
    ...KEYS.map((k) => [k, m.summary[k], s[k]] as [string, string, number]),
    ['membersPerGrid', m.summary.membersPerGrid, spread],
    ['withinBoundsShare', m.summary.withinBoundsShare, `${Math.round(s.withinBoundsShare * 100)}%`],
  ];
  const breaches = Object.entries(s.breaches);
  return (
    <>
      <Row gutter={[12, 12]} className="grid-section grid-stats" data-testid="plan-summary">
        {cells.map(([key, label, value]) => (
          <Col key={key} xs={12} sm={8} lg={6} xl={4}>
            <Card size="small">
              <div className="list-card-line">{label}</div>
              <strong data-testid={`plan-${key}`}>{value}</strong>
            </Card>
          </Col>
        ))}
      </Row>
      {breaches.length > 0 && (
        <div className="grid-section">
          {m.breaches}：
          {breaches.map(([code, n]) => (
            <Tag key={code} color="orange">
              {code} × {n}
            </Tag>
          ))}
        </div>
      )}
      <div className="grid-section">
        <Tag color={status === 'applied' ? 'green' : undefined}>{m.status[status]}</Tag> #{plan.id}
      </div>
    </>
  );
}
