/** Small pieces shared by the problem pages: status and level tags, the deadline cell, the table columns. */
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { useDictionary } from '../../api/dictionary.ts';
import { businessNowMs } from '../../auth/business-clock.ts';
import { ScopedLink } from '../../components/scoped-link.tsx';
import type { ProblemItem, ProblemStatus } from './problem-api.ts';
import type { ProblemMessages } from './problem-messages.ts';

const STATUS_COLORS: Record<ProblemStatus, string> = {
  open: 'blue',
  accepted: 'processing',
  with_department: 'purple',
  resolved: 'gold',
  closed: 'green',
  reopened: 'magenta',
};

export function ProblemStatusTag({ status, m }: { status: ProblemStatus; m: ProblemMessages }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="problem-status">
      {m.statuses[status]}
    </Tag>
  );
}

/** The deadline, red with the delay when late, otherwise the hours left. */
export function Deadline({ p, m }: { p: ProblemItem; m: ProblemMessages }) {
  const due = new Date(p.dueAt);
  const text = due.toLocaleString();
  if (p.status === 'resolved' || p.status === 'closed')
    return <Typography.Text type="secondary">{text}</Typography.Text>;
  if (p.overdue) {
    return (
      <Typography.Text type="danger" strong data-testid="problem-overdue">
        {text} · {m.late(p.hoursLate)}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text>
      {text} · {m.dueIn(Math.max(0, Math.floor((due.getTime() - businessNowMs()) / 3600_000)))}
    </Typography.Text>
  );
}

/** Columns of a problem table. */
export function useProblemColumns(m: ProblemMessages): ColumnsType<ProblemItem> {
  const category = useDictionary('problem_category');
  const f = m.fields;
  return [
    {
      title: f.id,
      dataIndex: 'id',
      width: 70,
      render: (id: number) => <ScopedLink to={`/problems/${id}`}>#{id}</ScopedLink>,
    },
    { title: f.household, dataIndex: 'headName' },
    { title: f.category, dataIndex: 'category', render: (c: string) => category.label(c) },
    {
      title: f.description,
      dataIndex: 'description',
      ellipsis: true,
      render: (d: string, p) => (
        <>
          {p.urgency === 'urgent' && <Tag color="red">{m.urgencies.urgent}</Tag>}
          {d}
        </>
      ),
    },
    { title: f.level, dataIndex: 'level', render: (l: ProblemItem['level']) => m.levels[l] },
    { title: f.status, dataIndex: 'status', render: (s: ProblemStatus) => <ProblemStatusTag status={s} m={m} /> },
    { title: f.holder, dataIndex: 'holderName', render: (h: string | null, p) => h ?? p.holderCode },
    { title: f.due, dataIndex: 'dueAt', render: (_: string, p) => <Deadline p={p} m={m} /> },
  ];
}
