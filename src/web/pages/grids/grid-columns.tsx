/** How a grid row shows: table columns on desktop, a card on phones. */
import { Card, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import type { GridListItem } from './grid-api.ts';
import { type GridMessages, gridMessages } from './grid-messages.ts';

function Leader({ row, m }: { row: GridListItem; m: GridMessages }) {
  if (row.groupId === null) return <Tag color="red">{m.noGroup}</Tag>;
  const name = row.leaderName ?? <Tag color="orange">{m.noLeader}</Tag>;
  return <ScopedLink to={`/party-groups/${row.groupId}`}>{name}</ScopedLink>;
}

/** Households beyond what the grid's members can help show in red. */
function Households({ row }: { row: GridListItem }) {
  return <span className={row.households > row.capacity ? 'grid-over' : undefined}>{row.households}</span>;
}

export function gridColumns(m: GridMessages): ColumnsType<GridListItem> {
  const f = m.fields;
  return [
    {
      key: 'name',
      title: f.name,
      sorter: true,
      fixed: 'left',
      render: (_, row) => <ScopedLink to={`/grids/${row.id}`}>{row.name}</ScopedLink>,
    },
    { key: 'village', title: f.village, render: (_, row) => `${row.townshipName} · ${row.villageName}` },
    { key: 'naturalVillages', title: f.naturalVillages, dataIndex: 'naturalVillages' },
    { key: 'members', title: f.members, sorter: true, dataIndex: 'members' },
    { key: 'households', title: f.households, sorter: true, render: (_, row) => <Households row={row} /> },
    { key: 'capacity', title: f.capacity, dataIndex: 'capacity' },
    { key: 'leader', title: f.leader, render: (_, row) => <Leader row={row} m={m} /> },
  ];
}

/** The phone layout of one grid. */
export function GridCardRow({ row }: { row: GridListItem }) {
  const m = useMessages(gridMessages);
  const f = m.fields;
  return (
    <Card size="small" className="list-card">
      <div className="list-card-head">
        <ScopedLink to={`/grids/${row.id}`}>
          <strong>{row.name}</strong>
        </ScopedLink>
        <span>
          {row.townshipName} · {row.villageName}
        </span>
      </div>
      <div className="list-card-line">
        {f.naturalVillages} {row.naturalVillages} · {f.members} {row.members} · {f.households} <Households row={row} />{' '}
        / {row.capacity}
      </div>
      <div className="list-card-line">
        {f.leader}: <Leader row={row} m={m} />
      </div>
    </Card>
  );
}
