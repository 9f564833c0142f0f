/** 公开承诺 list of the selected scope: member search, year and status filters, sort and paging in the URL. */
import { Col, Input, Select } from 'antd';
import { useCan } from '../../auth/session.tsx';
import { FilterBar } from '../../components/filter-bar.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { intParam, useUrlQuery } from '../../components/use-url-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type CommitmentQuery, useCommitmentList } from './commitment-api.ts';
import { CommitmentCardRow, commitmentColumns } from './commitment-columns.tsx';
import { commitmentMessages } from './commitment-messages.ts';

const KEYS = ['q', 'year', 'status', 'sort', 'page', 'pageSize'] as const;
const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR + 1, THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2, THIS_YEAR - 3];

export default function CommitmentListPage() {
  const m = useMessages(commitmentMessages);
  const { county, scope } = useScope();
  const can = useCan();
  const { values, update } = useUrlQuery(KEYS);
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20);
  const query = {
    within: scope,
    q: values.q,
    year: values.year ? Number(values.year) : undefined,
    status: values.status,
    sort: values.sort,
    page,
    pageSize,
  } as CommitmentQuery;
  const list = useCommitmentList(county, query);
  const filters = (
    <FilterBar
      active={[values.year, values.status, values.sort].filter(Boolean).length}
      search={
        <Input.Search
          key={values.q ?? ''}
          aria-label={m.search}
          placeholder={m.search}
          defaultValue={values.q}
          allowClear
          enterButton
          onSearch={(q) => update({ q: q.trim() })}
        />
      }
    >
      <Col xs={24} sm={8} lg={4}>
        <Select
          aria-label={m.yearLabel}
          placeholder={m.yearLabel}
          allowClear
          value={values.year ? Number(values.year) : undefined}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
          onChange={(year: number | undefined) => update({ year })}
        />
      </Col>
      <Col xs={24} sm={8} lg={4}>
        <Select
          aria-label={m.statusLabel}
          placeholder={m.statusLabel}
          allowClear
          value={values.status}
          options={Object.entries(m.statuses).map(([value, label]) => ({ value, label }))}
          onChange={(status: string | undefined) => update({ status })}
        />
      </Col>
      <Col xs={24} sm={8} lg={4}>
        <Select
          aria-label={m.sortLabel}
          placeholder={m.sortLabel}
          allowClear
          value={values.sort}
          options={Object.entries(m.sorts).map(([value, label]) => ({ value, label }))}
          onChange={(sort: string | undefined) => update({ sort })}
        />
      </Col>
    </FilterBar>
  );
  return (
    <ListPage
      title={m.title}
      addLabel={m.add}
      addPath="/commitments/new"
      canAdd={can('commitment.write')}
      filters={filters}
      list={list}
      page={page}
      pageSize={pageSize}
      sort={values.sort}
      update={update}
      columns={commitmentColumns(m)}
      renderCard={(row) => <CommitmentCardRow row={row} />}
      emptyHint={m.empty}
    />
  );
}
