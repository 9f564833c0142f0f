/** The read-only parts of a grid page: natural villages, members, past members, checks and history. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Table, Tag, Timeline } from 'antd';
import { orgUnitQueries } from '../../api/org-units.ts';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useLabel } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { breachKey, type GridDetail } from './grid-api.ts';
import type { GridMessages } from './grid-messages.ts';

type Props = { grid: GridDetail; m: GridMessages };

const day = (at: string) => at.slice(0, 10);

export function NaturalVillagesCard({ grid, m }: Props) {
  return (
    <Card size="small" title={m.sections.naturalVillages} className="grid-section" data-testid="grid-natural-villages">
      {grid.naturalVillages.map((n) => (
        <Tag key={`${n.code}-${n.piece}`} data-code={n.code}>
          {n.pieces > 1 ? `${n.name}（${m.fields.piece} ${n.piece}/${n.pieces}）` : n.name}
        </Tag>
      ))}
    </Card>
  );
}

export function MembersCard({ grid, m }: Props) {
  const names = new Map(grid.naturalVillages.map((n) => [n.code, n.name]));
  const f = m.fields;
  return (
    <Card size="small" title={`${m.sections.members}（${grid.members.length}）`} className="grid-section">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={grid.members}
        columns={[
          {
            key: 'name',
            title: f.person,
            render: (_, r) => (
              <>
                <ScopedLink to={`/members/${r.id}`}>{r.name}</ScopedLink>
                {grid.group?.leaderId === r.id && (
                  <Tag color="red" className="dict-tag">
                    {f.leader}
                  </Tag>
                )}
              </>
            ),
          },
          {
            key: 'nv',
            title: f.naturalVillages,
            render: (_, r) => names.get(r.naturalVillageCode) ?? r.naturalVillageCode,
          },
          { key: 'post', title: f.post, render: (_, r) => r.post ?? '—' },
          { key: 'capacity', title: f.capacity, dataIndex: 'capacity' },
          { key: 'eligible', title: f.eligible, render: (_, r) => (r.eligibleToLead ? '✓' : '—') },
          { key: 'joinedAt', title: f.joinedAt, render: (_, r) => day(r.joinedAt) },
        ]}
      />
    </Card>
  );
}

export function PastMembersCard({ grid, m }: Props) {
  const f = m.fields;
  return (
    <Card size="small" title={m.sections.pastMembers} className="grid-section">
      {grid.pastMembers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noPast} />
      ) : (
        <List
          size="small"
          dataSource={grid.pastMembers}
          renderItem={(p) => (
            <List.Item key={`${p.id}-${p.leftAt}`}>
              <div>
                <ScopedLink to={`/members/${p.id}`}>{p.name}</ScopedLink> · {day(p.joinedAt)} → {day(p.leftAt)}
                <div className="list-card-line">
                  {f.joinedReason}: {p.joinedReason || '—'}；{f.leftReason}: {p.leftReason || '—'}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function ChecksCard({ grid, m }: Props) {
  const label = useLabel();
  return (
    <Card size="small" title={m.sections.checks} className="grid-section" data-testid="grid-checks">
      {grid.breaches.length === 0 ? (
        <Alert type="success" showIcon title={m.noChecks} />
      ) : (
        grid.breaches.map((b) => (
          <Alert key={breachKey(b)} type="warning" showIcon title={label(b.message, b.code)} className="grid-section" />
        ))
      )}
    </Card>
  );
}

/** Keys of event details that only link records (shown elsewhere or meaningless to a reader). */
const HIDDEN = new Set(['groupId', 'memberId', 'previousMemberId', 'previous', 'lat', 'lng', 'piece', 'pieces']);

/**
 * A history event's details as short "label: value" text. The detail shape depends on the event kind, so known
 * keys get a label, natural village codes their name, grid IDs a "#", and unknown keys show as they are.
 */
function detailText(detail: Record<string, unknown>, names: Map<string, string>, m: GridMessages): string {
  const value = (key: string, v: unknown) => {
    if (key === 'level') return m.levels[String(v)] ?? String(v);
    if (key === 'code') return names.get(String(v)) ?? String(v);
    if (['from', 'to', 'splitFrom', 'mergedInto'].includes(key) && typeof v === 'number') return `#${v}`;
    return String(v);
  };
  return Object.entries(detail)
    .filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${m.detailKeys[k] ?? k}: ${value(k, v)}`)
    .join(m.sep);
}

export function HistoryCard({ grid, m }: Props) {
  const { county } = useScope();
  // Events name natural villages by code, including ones that have since left the grid.
  const units = useQuery({
    ...orgUnitQueries.children(county, grid.villageCode),
    staleTime: 5 * 60_000,
  });
  const names = new Map((units.data ?? grid.naturalVillages).map((n) => [n.code, n.name]));
  return (
    <Card size="small" title={m.sections.history} className="grid-section">
      {grid.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noHistory} />
      ) : (
        <Timeline
          items={grid.history.map((e) => ({
            key: e.id,
            content: (
              <>
                <strong>{m.historyKinds[e.kind] ?? e.kind}</strong> · {e.at.slice(0, 16).replace('T', ' ')}
                {e.planId !== null && <Tag className="dict-tag">{m.fromPlan(e.planId)}</Tag>}
                <div className="list-card-line">{detailText(e.detail, names, m)}</div>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
