/**
 * 公示: the scope's exits under public notice (or in another status), with the notice's end date and open
 * objections; search by head name or registry number, sort and paging in the URL. Shows no ID numbers, phones,
 * bank accounts or health details — only what a public notice may.
 */
import { Card, type ColProps, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import type { ExitListQueryType } from '../../../shared/schemas/exit.ts';
import { FilterBar, FilterSearch, FilterSelect, optionsOf } from '../../components/filter-bar.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { type ExitListItem, useExitList } from '../households/exit-api.ts';
import { type ExitMessages, exitMessages } from '../households/exit-messages.ts';

const KEYS = ['q', 'status', 'sort'] as const;
type Status = NonNullable<ExitListQueryType['status']>;
/** The one status filter takes a quarter of the row on desktop, half on tablets. */
const STATUS_COLS: ColProps = { xs: 24, sm: 12, lg: 6 };

function columns(m: ExitMessages): ColumnsType<ExitListItem> {
  const b = m.board;
  return [
    {
      key: 'headName',
      title: b.head,
      sorter: true,
      fixed: 'left',
      render: (_, r) => <ScopedLink to={`/households/${r.householdId}`}>{r.headName}</ScopedLink>,
    },
    { key: 'registryNo', title: b.registryNo, sorter: true, dataIndex: 'registryNo' },
    { key: 'place', title: b.place, render: (_, r) => `${r.villageName} · ${r.naturalVillageName}` },
    { key: 'year', title: b.year, dataIndex: 'year' },
    { key: 'income', title: b.income, dataIndex: 'perCapitaNetIncome' },
    { key: 'noticeFrom', title: b.from, sorter: true, dataIndex: 'noticeFrom' },
    { key: 'noticeEndsOn', title: b.ends, sorter: true, dataIndex: 'noticeEndsOn' },
    {
      key: 'objections',
      title: b.objections,
      render: (_, r) => (r.openObjections > 0 ? <Tag color="orange">{r.openObjections}</Tag> : 0),
    },
    { key: 'status', title: b.status, render: (_, r) => <Tag>{m.status[r.status]}</Tag> },
  ];
}

function BoardCard({ row, m }: { row: ExitListItem; m: ExitMessages }) {
  return (
    <Card size="small" className="list-card">
      <div className="list-card-head">
        <ScopedLink to={`/households/${row.householdId}`}>
          <strong>{row.headName}</strong>
        </ScopedLink>
        <Tag>{m.status[row.status]}</Tag>
      </div>
      <div className="list-card-line">
        {row.villageName} · {row.naturalVillageName} · {row.registryNo}
      </div>
      {row.noticeFrom && <div className="list-card-line">{m.noticeRange(row.noticeFrom, row.noticeEndsOn ?? '')}</div>}
    </Card>
  );
}

export default function NoticeBoardPage() {
  const m = useMessages(exitMessages);
  const { county, values, update, base, paging } = useListQuery(KEYS);
  const status = (values.status ?? 'notice') as Status;
  const list = useExitList(county, { ...base, status } as ExitListQueryType);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.board.title}</Typography.Title>
      </div>
      <FilterBar
        active={values.status ? 1 : 0}
        search={<FilterSearch label={m.board.search} value={values.q} onSearch={(q) => update({ q })} />}
      >
        {/* always one status (the notice board by default, kept out of the URL), so it cannot be cleared */}
        <FilterSelect
          label={m.board.status}
          value={status}
          options={optionsOf(m.status)}
          onChange={(next) => update({ status: next === 'notice' ? undefined : next })}
          cols={STATUS_COLS}
          allowClear={false}
        />
      </FilterBar>
      <PagedList
        list={list}
        {...paging}
        columns={columns(m)}
        renderCard={(row) => <BoardCard row={row} m={m} />}
        emptyHint={m.board.empty}
      />
    </>
  );
}
