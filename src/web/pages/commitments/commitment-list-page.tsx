/** 公开承诺 list of the selected scope: member search, year and status filters, sort and paging in the URL. */
import type { ColProps } from 'antd';
import { businessYear } from '../../auth/business-clock.ts';
import { useCan } from '../../auth/session.tsx';
import { FilterBar, FilterSearch, FilterSelect, optionsOf, SortSelect } from '../../components/filter-bar.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { type CommitmentQuery, useCommitmentList } from './commitment-api.ts';
import { CommitmentCardRow, commitmentColumns } from './commitment-columns.tsx';
import { commitmentMessages } from './commitment-messages.ts';

const KEYS = ['q', 'year', 'status', 'sort'] as const;
/** The business year and around it (read at render: the server's clock is known once the session has loaded). */
const years = (y = businessYear()) => [y + 1, y, y - 1, y - 2, y - 3].map(String);
/** Three filters, each a third of the row on tablets, rather than the usual row of narrow selects. */
const FILTER_COLS: ColProps = { xs: 24, sm: 8, lg: 4 };

export default function CommitmentListPage() {
  const m = useMessages(commitmentMessages);
  const can = useCan();
  const { county, values, update, base, paging } = useListQuery(KEYS);
  const year = values.year ? Number(values.year) : undefined;
  const list = useCommitmentList(county, { ...base, year, status: values.status } as CommitmentQuery);
  const filters = (
    <FilterBar
      active={[values.year, values.status, values.sort].filter(Boolean).length}
      search={<FilterSearch label={m.search} value={values.q} onSearch={(q) => update({ q })} />}
    >
      <FilterSelect
        label={m.yearLabel}
        value={values.year}
        options={years().map((y) => ({ value: y, label: y }))}
        onChange={(y) => update({ year: y })}
        cols={FILTER_COLS}
      />
      <FilterSelect
        label={m.statusLabel}
        value={values.status}
        options={optionsOf(m.statuses)}
        onChange={(status) => update({ status })}
        cols={FILTER_COLS}
      />
      <SortSelect
        label={m.sortLabel}
        value={values.sort}
        sorts={m.sorts}
        onChange={(sort) => update({ sort })}
        cols={FILTER_COLS}
      />
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
      {...paging}
      columns={commitmentColumns(m)}
      renderCard={(row) => <CommitmentCardRow row={row} />}
      emptyHint={m.empty}
    />
  );
}
