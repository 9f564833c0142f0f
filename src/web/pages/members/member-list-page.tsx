/** 党员 list: server-side search, filters, sort and paging, all kept in the URL; scope from the org tree. */

import { useCan } from '../../auth/session.tsx';
import { ListPage } from '../../components/list-page.tsx';
import { intParam, useUrlQuery } from '../../components/use-url-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type MemberQuery, useMemberList } from './member-api.ts';
import { MemberCardRow, memberColumns } from './member-columns.tsx';
import { MEMBER_FILTER_KEYS, MemberFilters } from './member-filters.tsx';
import { memberMessages } from './member-messages.ts';

const KEYS = [...MEMBER_FILTER_KEYS, 'page', 'pageSize'] as const;

export default function MemberListPage() {
  const m = useMessages(memberMessages);
  const { county, scope } = useScope();
  const can = useCan();
  const { values, update } = useUrlQuery(KEYS);
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20);
  const query = {
    within: scope,
    q: values.q,
    expertise: values.expertise,
    willingness: values.willingness,
    membership: values.membership,
    status: values.status,
    migrant: values.migrant === undefined ? undefined : values.migrant === 'true',
    capacity: values.capacity === undefined ? undefined : Number(values.capacity),
    sort: values.sort,
    page,
    pageSize,
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
      page={page}
      pageSize={pageSize}
      sort={values.sort}
      update={update}
      columns={memberColumns(m)}
      renderCard={(row) => <MemberCardRow row={row} />}
      emptyHint={m.empty}
    />
  );
}
