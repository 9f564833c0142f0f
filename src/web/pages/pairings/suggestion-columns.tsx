/**
 * The columns of the suggestion table: the household (head, natural village, main cause, needs), the suggested
 * member (name, post, expertise; "swapped" once another was chosen), the fit with its parts, the reasons, and the
 * row's actions. A row's confirmation problems (422 details of its pair) show under the household.
 */
import { CheckOutlined, CloseOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { ScopedLink } from '../../components/scoped-link.tsx';
import type { Alternative, Suggestion } from './pairing-api.ts';
import type { PairingMessages } from './pairing-messages.ts';

/** A suggestion as reviewed: the server's pair, or the alternative chosen instead. */
export interface ReviewRow {
  suggestion: Suggestion;
  chosen: Pick<Alternative, 'member' | 'fit' | 'parts' | 'reasons'>;
  swapped: boolean;
  problems: string[];
}

export interface RowActions {
  canWrite: boolean;
  busy: boolean;
  accept(row: ReviewRow): void;
  reject(row: ReviewRow): void;
  swap(row: ReviewRow): void;
}

const tags = (labels: string[], color?: string) =>
  labels.map((label) => (
    <Tag key={label} color={color} className="dict-tag">
      {label}
    </Tag>
  ));

export function HouseholdCell({ row, m }: { row: ReviewRow; m: PairingMessages['suggestions'] }) {
  const h = row.suggestion.household;
  return (
    <div className="pairing-cell">
      <ScopedLink to={`/households/${h.id}`}>
        <strong>{h.headName}</strong>
      </ScopedLink>
      <Typography.Text type="secondary"> {h.naturalVillageName}</Typography.Text>
      <div>
        {tags([h.mainCause], 'red')}
        {h.needs.length > 0 && <Typography.Text type="secondary">{m.needs}：</Typography.Text>}
        {tags(h.needs)}
      </div>
      {row.problems.map((p) => (
        <Typography.Text key={p} type="danger" className="pairing-row-problem">
          {p}
        </Typography.Text>
      ))}
    </div>
  );
}

export function MemberCell({ row, m }: { row: ReviewRow; m: PairingMessages['suggestions'] }) {
  const member = row.chosen.member;
  return (
    <div className="pairing-cell" data-testid={`suggested-member-${row.suggestion.household.id}`}>
      <ScopedLink to={`/members/${member.id}`}>
        <strong>{member.name}</strong>
      </ScopedLink>
      {member.post && <Typography.Text type="secondary"> {member.post}</Typography.Text>}
      {row.swapped && <Tag color="blue">{m.swapped}</Tag>}
      <div>{tags(member.expertise, 'geekblue')}</div>
    </div>
  );
}

interface ActionsProps {
  row: ReviewRow;
  m: PairingMessages['suggestions'];
  a: RowActions;
  /** In a row (phone cards) rather than stacked (the table's narrow column). */
  inline?: boolean;
}

export function Actions({ row, m, a, inline }: ActionsProps) {
  const id = row.suggestion.household.id;
  return (
    <Space orientation={inline ? 'horizontal' : 'vertical'} size={4} wrap={inline}>
      <Button
        size="small"
        type="primary"
        icon={<CheckOutlined />}
        disabled={a.busy}
        onClick={() => a.accept(row)}
        data-testid={`accept-${id}`}
      >
        {m.accept}
      </Button>
      <Button size="small" icon={<CloseOutlined />} onClick={() => a.reject(row)} data-testid={`reject-${id}`}>
        {m.reject}
      </Button>
      <Button size="small" icon={<SwapOutlined />} onClick={() => a.swap(row)} data-testid={`swap-${id}`}>
        {m.swap}
      </Button>
    </Space>
  );
}

export function suggestionColumns(m: PairingMessages['suggestions'], a: RowActions): ColumnsType<ReviewRow> {
  const columns: ColumnsType<ReviewRow> = [
    { key: 'household', title: m.household, render: (_, row) => <HouseholdCell row={row} m={m} /> },
    { key: 'member', title: m.member, render: (_, row) => <MemberCell row={row} m={m} /> },
    {
      key: 'fit',
      title: m.fit,
      render: (_, row) => (
        <div className="pairing-cell">
          <strong className="pairing-fit">{row.chosen.fit}</strong>
          <div className="pairing-parts">
            {m.parts(row.chosen.parts.skill, row.chosen.parts.closeness, row.chosen.parts.wish)}
          </div>
        </div>
      ),
    },
    {
      key: 'reasons',
      title: m.reasons,
      render: (_, row) => <div className="pairing-reasons">{tags(row.chosen.reasons, 'green')}</div>,
    },
  ];
  if (a.canWrite)
    columns.push({ key: 'actions', title: m.actions, render: (_, row) => <Actions row={row} m={m} a={a} /> });
  return columns;
}
