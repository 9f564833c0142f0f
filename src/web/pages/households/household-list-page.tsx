/** 贫困户 list: search by name / ID number / registry number, filters, sort and paging kept in the URL. */

import { useCan } from '../../auth/session.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { type HouseholdListQueryType, useHouseholdList } from './household-api.ts';
import { HouseholdCardRow, householdColumns } from './household-columns.tsx';
import { HOUSEHOLD_FILTER_KEYS, HouseholdFilters } from './household-filters.tsx';
import { householdMessages } from './household-messages.ts';

export default function HouseholdListPage() {
  const m = useMessages(householdMessages);
  const can = useCan();
  const { county, values, update, base, paging } = useListQuery(HOUSEHOLD_FILTER_KEYS);
  const query = {
    ...base,
    status: values.status,
    attribute: values.attribute,
    cause: values.cause,
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
      {...paging}
      columns={householdColumns(m)}
      renderCard={(row) => <HouseholdCardRow row={row} />}
      emptyHint={m.empty}
    />
  );
}
