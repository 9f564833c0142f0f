/** 贫困户 list: search by name / ID number / registry number, filters, sort and paging kept in the URL. */

import { useCan } from '../../auth/session.tsx';
import { ListPage } from '../../components/list-page.tsx';
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
  const can = useCan();
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
    <ListPage
      title={m.title}
      addLabel={m.add}
      addPath="/households/new"
      canAdd={can('household.write')}
      filters={<HouseholdFilters values={values} update={update} />}
      list={list}
      page={page}
      pageSize={pageSize}
      sort={values.sort}
      update={update}
      columns={householdColumns(m)}
      renderCard={(row) => <HouseholdCardRow row={row} />}
      emptyHint={m.empty}
    />
  );
}
