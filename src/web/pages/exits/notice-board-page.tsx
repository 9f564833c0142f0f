/**
 * 公示: the scope's exits under public notice (or in another status), with the notice's end date and open
 * objections; search by head name or registry number, sort and paging in the URL. Shows no ID numbers, phones,
 * bank accounts or health details — only what a public notice may.
 */
import { Card, Col, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import type { ExitListQueryType } from '../../../shared/schemas/exit.ts';
import { FilterBar } from '../../components/filter-bar.tsx';
import { ErrorResult } from '../../components/query-state.tsx';
import { ResponsiveList } from '../../components/responsive-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { intParam, useUrlQuery } from '../../components/use-url-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type ExitListItem, useExitList } from '../households/exit-api.ts';
import { type ExitMessages, exitMessages } from '../households/exit-messages.ts';

const KEYS = ['q', 'status', 'sort', 'page', 'pageSize'] as const;
type Status = NonNullable<ExitListQueryType['status']>;

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
  const { county, scope } = useScope();
  const { values, update } = useUrlQuery(KEYS);
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20);
  const status = (values.status ?? 'notice') as Status;
  const query = { within: scope, status, q: values.q, sort: values.sort, page, pageSize } as ExitListQueryType;
  const list = useExitList(county, query);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.board.title}</Typography.Title>
      </div>
      <FilterBar
        active={values.status ? 1 : 0}
        search={
          <Input.Search
            key={values.q ?? ''}
            aria-label={m.board.search}
            placeholder={m.board.search}
            defaultValue={values.q}
            allowClear
            enterButton
            onSearch={(q) => update({ q: q.trim() })}
          />
        }
      >
        <Col xs={24} sm={12} lg={6}>
          <Select
            aria-label={m.board.status}
            value={status}
            options={Object.entries(m.status).map(([value, label]) => ({ value, label }))}
            onChange={(next: string) => update({ status: next === 'notice' ? undefined : next })}
          />
        </Col>
      </FilterBar>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveList
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={list.isFetching}
          rowKey={(row) => row.id}
          columns={columns(m)}
          renderCard={(row) => <BoardCard row={row} m={m} />}
          emptyHint={m.board.empty}
          sort={values.sort}
          onSort={(sort) => update({ sort })}
          onPage={(p, size) => update({ page: p, pageSize: size === 20 ? undefined : size })}
        />
      )}
    </>
  );
}
