/** 贫困户 list: search by name / ID number / registry number, filters, sort and paging kept in the URL. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { ErrorResult } from '../../components/query-state.tsx';
import { ResponsiveList } from '../../components/responsive-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { intParam, useUrlQuery } from '../../components/use-url-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type HouseholdListQueryType, useHouseholdList } from './household-api.ts';
import { HouseholdCardRow, householdColumns } from './household-columns.tsx';
import { HOUSEHOLD_FILTER_KEYS, HouseholdFilters } from './household-filters.tsx';
import { householdMessages } from './household-messages.ts';

const KEYS = [...HOUSEHOLD_FILTER_KEYS, 'page', 'pageSize'] as const;

export default function HouseholdListPage() {
  const m = useMessages(householdMessages);
  const { county, scope } = useScope();
  const { values, update } = useUrlQuery(KEYS);
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20);
  const query = {
    within: scope,
    q: values.q,
    status: values.status,
    attribute: values.attribute,
    cause: values.cause,
    sort: values.sort,
    page,
    pageSize,
  } as HouseholdListQueryType;
  const list = useHouseholdList(county, query);

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.title}</Typography.Title>
        <ScopedLink to="/households/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {m.add}
          </Button>
        </ScopedLink>
      </div>
      <HouseholdFilters values={values} update={update} />
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
          columns={householdColumns(m)}
          renderCard={(row) => <HouseholdCardRow row={row} />}
          emptyHint={m.empty}
          sort={values.sort}
          onSort={(sort) => update({ sort })}
          onPage={(p, size) => update({ page: p, pageSize: size === 20 ? undefined : size })}
        />
      )}
    </>
  );
}
