/** The activity list's columns (desktop) and card (phone). */
import { Card, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { ScopedLink } from '../../components/scoped-link.tsx';
import type { ActivityRow } from './activity-api.ts';
import type { ActivityMessages } from './activity-messages.ts';

const STATUS_COLORS = { planned: 'blue', held: 'green', cancelled: 'default' } as const;

export function StatusTag({ status, m }: { status: ActivityRow['status']; m: ActivityMessages }) {
  return <Tag color={STATUS_COLORS[status]}>{m.statuses[status]}</Tag>;
}

const dayOf = (r: ActivityRow) => r.heldOn ?? r.plannedOn ?? '';

export function activityColumns(m: ActivityMessages): ColumnsType<ActivityRow> {
  return [
    { key: 'date', title: m.date, sorter: true, render: (_, r) => dayOf(r) },
    {
      key: 'kind',
      title: m.kind,
      sorter: true,
      render: (_, r) => (
        <ScopedLink to={`/activities/${r.id}`}>
          <span data-testid={`activity-${r.id}`}>{m.kinds[r.kind]}</span>
        </ScopedLink>
      ),
    },
    {
      key: 'group',
      title: m.group,
      sorter: true,
      render: (_, r) => <ScopedLink to={`/activities?groupId=${r.groupId}`}>{r.groupName}</ScopedLink>,
    },
    { key: 'topic', title: m.topic, render: (_, r) => r.topic || '—' },
    { key: 'status', title: m.status, render: (_, r) => <StatusTag status={r.status} m={m} /> },
    { key: 'present', title: m.present, render: (_, r) => (r.marked > 0 ? `${r.present}/${r.marked}` : '—') },
  ];
}

export function ActivityCard({ row, m }: { row: ActivityRow; m: ActivityMessages }) {
  return (
    <Card size="small">
      <ScopedLink to={`/activities/${row.id}`}>
        <strong>{m.kinds[row.kind]}</strong>
      </ScopedLink>{' '}
      <StatusTag status={row.status} m={m} />
      <div>
        {dayOf(row)} · {row.groupName}
      </div>
      {row.topic && <div>{row.topic}</div>}
      {row.marked > 0 && (
        <div>
          {m.present} {row.present}/{row.marked}
        </div>
      )}
    </Card>
  );
}
