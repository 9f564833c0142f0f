/** How a commitment row shows: table columns on desktop, a card on phones; status as a coloured tag. */
import { Card, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import type { CommitmentListItem, CommitmentStatus } from './commitment-api.ts';
import { type CommitmentMessages, commitmentMessages } from './commitment-messages.ts';

const COLORS: Record<CommitmentStatus, string> = {
  proposed: 'gold',
  returned: 'red',
  approved: 'blue',
  published: 'green',
  evaluated: 'purple',
};

/** The status as a coloured tag. */
export function StatusTag({ status, m }: { status: CommitmentStatus; m: CommitmentMessages }) {
  return (
    <Tag color={COLORS[status]} data-testid="commitment-status">
      {m.statuses[status]}
    </Tag>
  );
}

const place = (row: CommitmentListItem) => [row.villageName, row.naturalVillageName].filter(Boolean).join(' · ');

export function commitmentColumns(m: CommitmentMessages): ColumnsType<CommitmentListItem> {
  const f = m.fields;
  return [
    {
      key: 'memberName',
      title: f.member,
      sorter: true,
      fixed: 'left',
      render: (_, row) => <ScopedLink to={`/commitments/${row.id}`}>{row.memberName}</ScopedLink>,
    },
    { key: 'place', title: f.place, render: (_, row) => place(row) },
    { key: 'year', title: f.year, sorter: true, dataIndex: 'year' },
    { key: 'status', title: f.status, sorter: true, render: (_, row) => <StatusTag status={row.status} m={m} /> },
    { key: 'progress', title: f.progress, render: (_, row) => m.progress(row.fulfilled, row.items) },
    { key: 'publishedOn', title: f.publishedOn, render: (_, row) => row.publishedOn ?? '—' },
    { key: 'grade', title: f.grade, render: (_, row) => (row.evaluationGrade ? m.grades[row.evaluationGrade] : '—') },
  ];
}

/** The phone layout of one commitment. */
export function CommitmentCardRow({ row }: { row: CommitmentListItem }) {
  const m = useMessages(commitmentMessages);
  return (
    <Card size="small" className="list-card">
      <div className="list-card-head">
        <ScopedLink to={`/commitments/${row.id}`}>
          <strong>{row.memberName}</strong>
        </ScopedLink>
        <StatusTag status={row.status} m={m} />
      </div>
      <div className="list-card-line">
        {row.year} · {place(row)} · {m.fields.progress} {m.progress(row.fulfilled, row.items)}
      </div>
    </Card>
  );
}
