/** Search, filters and sort of the household list; the village filter is the scope selector above the page. */
import { useDictionary } from '../../api/dictionary.ts';
import { FilterBar, type FilterOption, FilterSearch, FilterSelect, optionsOf } from '../../components/filter-bar.tsx';
import type { UrlValue } from '../../components/use-url-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { householdMessages } from './household-messages.ts';

export const HOUSEHOLD_FILTER_KEYS = ['q', 'status', 'attribute', 'cause', 'sort'] as const;
export type HouseholdFilterKey = (typeof HOUSEHOLD_FILTER_KEYS)[number];

interface Props {
  values: Record<HouseholdFilterKey, string | undefined>;
  update(patch: Partial<Record<HouseholdFilterKey, UrlValue>>): void;
}

export function HouseholdFilters({ values, update }: Props) {
  const m = useMessages(householdMessages);
  const status = useDictionary('household_status');
  const attribute = useDictionary('attribute');
  const cause = useDictionary('cause');
  const select = (key: HouseholdFilterKey, label: string, options: FilterOption[]) => (
    <FilterSelect label={label} value={values[key]} options={options} onChange={(v) => update({ [key]: v })} />
  );
  return (
    <FilterBar
      active={[values.status, values.attribute, values.cause].filter(Boolean).length}
      search={<FilterSearch label={m.search} value={values.q} onSearch={(q) => update({ q })} />}
    >
      {select('status', m.filters.status, status.options)}
      {select('attribute', m.filters.attribute, attribute.options)}
      {select('cause', m.filters.cause, cause.options)}
      {select('sort', m.filters.sort, optionsOf(m.sorts))}
    </FilterBar>
  );
}
