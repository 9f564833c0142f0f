/** Search, filters and sort of the member list; every value lives in the URL (see useUrlQuery). */
import { useDictionary } from '../../api/dictionary.ts';
import { FilterBar, type FilterOption, FilterSearch, FilterSelect, optionsOf } from '../../components/filter-bar.tsx';
import type { UrlValue } from '../../components/use-url-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { memberMessages } from './member-messages.ts';

export const MEMBER_FILTER_KEYS = [
  'q',
  'expertise',
  'willingness',
  'membership',
  'status',
  'migrant',
  'capacity',
  'sort',
] as const;
export type MemberFilterKey = (typeof MEMBER_FILTER_KEYS)[number];

interface Props {
  values: Record<MemberFilterKey, string | undefined>;
  update(patch: Partial<Record<MemberFilterKey, UrlValue>>): void;
}

export function MemberFilters({ values, update }: Props) {
  const m = useMessages(memberMessages);
  const expertise = useDictionary('expertise');
  const willingness = useDictionary('willingness');
  const membership = useDictionary('membership');
  const status = useDictionary('member_status');
  const f = m.filters;
  const select = (key: MemberFilterKey, label: string, options: FilterOption[]) => (
    <FilterSelect label={label} value={values[key]} options={options} onChange={(v) => update({ [key]: v })} />
  );
  const yesNo = optionsOf({ true: m.yes, false: m.no });
  return (
    <FilterBar
      active={
        [
          values.expertise,
          values.willingness,
          values.membership,
          values.status,
          values.migrant,
          values.capacity,
        ].filter(Boolean).length
      }
      search={<FilterSearch label={m.search} value={values.q} onSearch={(q) => update({ q })} />}
    >
      {select('expertise', f.expertise, expertise.options)}
      {select('willingness', f.willingness, willingness.options)}
      {select('membership', f.membership, membership.options)}
      {select('status', f.status, [...status.options, { value: 'all', label: m.statusAll }])}
      {select('migrant', f.migrant, yesNo)}
      {select(
        'capacity',
        f.capacity,
        [0, 1, 2].map((n) => ({ value: String(n), label: m.households(n) })),
      )}
      {select('sort', f.sort, optionsOf(m.sorts))}
    </FilterBar>
  );
}
