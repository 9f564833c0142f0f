/** 党员 list: server-side search, filters, sort and paging, all kept in the URL; scope from the org tree. */

import { useCan } from '../../auth/session.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { type MemberQuery, useMemberList } from './member-api.ts';
import { MemberCardRow, memberColumns } from './member-columns.tsx';
import { MEMBER_FILTER_KEYS, MemberFilters } from './member-filters.tsx';
import { memberMessages } from './member-messages.ts';

export default function MemberListPage() {
  const m = useMessages(memberMessages);
  const can = useCan();
  const { county, values, update, base, paging } = useListQuery(MEMBER_FILTER_KEYS);
  const query = {
    ...base,
    expertise: values.expertise,
    willingness: values.willingness,
    membership: values.membership,
    status: values.status,
    migrant: values.migrant === undefined ? undefined : values.migrant === 'true',
    capacity: values.capacity === undefined ? undefined : Number(values.capacity),
  } as MemberQuery;
  const list = useMemberList(county, query);

  return (
    <ListPage
      title={m.title}
      addLabel={m.add}
      addPath="/members/new"
      canAdd={can('member.write')}
      filters={<MemberFilters values={values} update={update} />}
      list={list}
      {...paging}
      columns={memberColumns(m)}
      renderCard={(row) => <MemberCardRow row={row} />}
      emptyHint={m.empty}
    />
  );
}
