/** How a member row shows: table columns on desktop, a card on phones. */
import { Card, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { DictLabel, DictTags, StatusTag } from '../../components/dict-tags.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import type { MemberListItem } from './member-api.ts';
import { memberMessages } from './member-messages.ts';

type Messages = (typeof memberMessages)['zh'];

const place = (row: MemberListItem) => [row.villageName, row.naturalVillageName].filter(Boolean).join(' · ');

export function memberColumns(m: Messages): ColumnsType<MemberListItem> {
  const f = m.fields;
  return [
    {
      key: 'name',
      title: f.name,
      sorter: true,
      fixed: 'left',
      render: (_, row) => <ScopedLink to={`/members/${row.id}`}>{row.name}</ScopedLink>,
    },
    { key: 'sex', title: f.sex, render: (_, row) => m.sex[row.sex] },
    { key: 'age', title: f.age, dataIndex: 'age' },
    { key: 'membership', title: f.membership, render: (_, r) => <DictLabel kind="membership" code={r.membership} /> },
    { key: 'joinDate', title: f.joinDate, sorter: true, dataIndex: 'joinDate' },
    { key: 'place', title: f.place, render: (_, row) => place(row) },
    { key: 'post', title: f.post, dataIndex: 'post' },
    { key: 'expertise', title: f.expertise, render: (_, r) => <DictTags kind="expertise" codes={r.expertise} /> },
    {
      key: 'willingness',
      title: f.willingness,
      render: (_, r) => <DictTags kind="willingness" codes={r.willingness} color="blue" />,
    },
    { key: 'capacity', title: f.capacity, sorter: true, dataIndex: 'capacity' },
    { key: 'isMigrant', title: f.isMigrant, render: (_, r) => (r.isMigrant ? m.yes : m.no) },
    { key: 'phone', title: f.phone, dataIndex: 'phone' },
    { key: 'status', title: f.status, render: (_, r) => <StatusTag kind="member_status" code={r.status} /> },
  ];
}

/** The phone layout of one member. */
export function MemberCardRow({ row }: { row: MemberListItem }) {
  const m = useMessages(memberMessages);
  return (
    <Card size="small" className="list-card">
      <div className="list-card-head">
        <ScopedLink to={`/members/${row.id}`}>
          <strong>{row.name}</strong>
        </ScopedLink>
        <span>
          {m.sex[row.sex]} · {row.age}
        </span>
        <StatusTag kind="member_status" code={row.status} />
      </div>
      <div className="list-card-line">{place(row)}</div>
      <div className="list-card-line">
        <DictLabel kind="membership" code={row.membership} /> · {m.fields.capacity} {row.capacity}
        {row.isMigrant && <Tag className="dict-tag">{m.fields.isMigrant}</Tag>}
      </div>
      <Space size={[0, 4]} wrap>
        <DictTags kind="expertise" codes={row.expertise} />
        <DictTags kind="willingness" codes={row.willingness} color="blue" />
      </Space>
    </Card>
  );
}
