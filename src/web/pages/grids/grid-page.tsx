/**
 * One grid (网格): its natural villages, members (linked to their cards), past members with reasons, checks as
 * warnings and the history timeline, plus the manual edits (rename, move a member or a natural village in,
 * merge, split), each confirmed and followed by a refresh of every grid view.
 */
import { ArrowLeftOutlined, BulbOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useCan } from '../../auth/session.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { allows } from '../../components/record-actions.ts';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useLabel, useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { breachKey, type GridDetail, type GridEditResult, useGrid } from './grid-api.ts';
import { GridEditDialog } from './grid-edit-dialog.tsx';
import type { EditKind } from './grid-edit-fields.tsx';
import { type GridMessages, gridMessages } from './grid-messages.ts';
import { ChecksCard, HistoryCard, MembersCard, NaturalVillagesCard, PastMembersCard } from './grid-sections.tsx';
import './grids.css';

const EDITS: { kind: EditKind; label: keyof GridMessages['edits'] }[] = [
  { kind: 'rename', label: 'rename' },
  { kind: 'member', label: 'moveMember' },
  { kind: 'naturalVillage', label: 'moveNaturalVillage' },
  { kind: 'merge', label: 'merge' },
  { kind: 'split', label: 'split' },
];

function Figures({ grid, m }: { grid: GridDetail; m: GridMessages }) {
  const f = m.fields;
  const items = [
    [f.village, grid.villageName],
    [f.members, grid.members.length],
    [f.households, grid.households],
    [f.capacity, grid.capacity],
  ] as const;
  return (
    <Row gutter={[12, 12]} className="grid-section grid-stats">
      {items.map(([label, value]) => (
        <Col key={label} xs={12} md={6}>
          <Card size="small">
            <div className="list-card-line">{label}</div>
            <strong className={label === f.households && grid.households > grid.capacity ? 'grid-over' : undefined}>
              {value}
            </strong>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function EditResult({ result, m }: { result: GridEditResult; m: GridMessages }) {
  const label = useLabel();
  return (
    <Alert
      type={result.breaches.length ? 'warning' : 'success'}
      showIcon
      closable
      className="grid-section"
      data-testid="grid-edit-done"
      title={m.edits.done}
      description={
        result.breaches.length > 0 && (
          <>
            {m.edits.breachesAfter}
            <ul className="plan-moves">
              {result.breaches.map((b) => (
                <li key={breachKey(b)}>{label(b.message, b.code)}</li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}

function GridView({ grid, county }: { grid: GridDetail; county: string }) {
  const m = useMessages(gridMessages);
  const [editing, setEditing] = useState<EditKind | null>(null);
  const [result, setResult] = useState<GridEditResult | null>(null);
  const live = grid.retiredAt === null;
  const can = useCan();
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{grid.name}</Typography.Title>
        <Space wrap>
          <ScopedLink to="/grids">
            <Button icon={<ArrowLeftOutlined />}>{m.back}</Button>
          </ScopedLink>
          {grid.group && (
            <ScopedLink to={`/party-groups/${grid.group.id}`}>
              <Button icon={<TeamOutlined />}>{m.openGroup}</Button>
            </ScopedLink>
          )}
          {live && can('pairing.read') && (
            <ScopedLink to={`/pairing-suggestions?gridId=${grid.id}`}>
              <Button icon={<BulbOutlined />}>{m.pairingSuggestions}</Button>
            </ScopedLink>
          )}
        </Space>
      </div>
      {!live && <Alert type="info" showIcon className="grid-section" title={m.retired(grid.retiredAt!.slice(0, 10))} />}
      {result && <EditResult result={result} m={m} />}
      <Figures grid={grid} m={m} />
      {live && allows(grid, 'grid.write') && (
        <Card size="small" title={m.edits.title} className="grid-section">
          <div className="grid-edit-actions">
            {EDITS.map((e) => (
              <Button key={e.kind} onClick={() => setEditing(e.kind)} data-testid={`grid-edit-${e.kind}`}>
                {m.edits[e.label] as string}
              </Button>
            ))}
          </div>
        </Card>
      )}
      <NaturalVillagesCard grid={grid} m={m} />
      <ChecksCard grid={grid} m={m} />
      <MembersCard grid={grid} m={m} />
      <PastMembersCard grid={grid} m={m} />
      <HistoryCard grid={grid} m={m} />
      {editing && (
        <GridEditDialog
          county={county}
          grid={grid}
          kind={editing}
          title={m.edits[EDITS.find((e) => e.kind === editing)!.label] as string}
          m={m.edits}
          onClose={() => setEditing(null)}
          onDone={(r) => {
            setEditing(null);
            setResult(r);
          }}
        />
      )}
    </>
  );
}

export default function GridPage() {
  const { county } = useScope();
  const id = Number(useParams().id);
  const grid = useGrid(county, id);
  return <QueryState query={grid}>{(data) => <GridView grid={data} county={county} />}</QueryState>;
}
