/**
 * The Party member a grant of role member or group leader names: a search by name over the member list API
 * (`GET /members?q=&within=`), within the grant's unit when one is chosen. The server checks the choice (422).
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { PageOfSchema } from '../../../shared/schemas/common.ts';
import type { MemberListItem } from '../../../shared/schemas/member.ts';
import { api } from '../../api/client.ts';
import { memberQueries } from '../members/member-api.ts';

export function GrantMemberPicker(props: {
  county: string;
  within: string | undefined;
  placeholder: string;
  value?: number;
  onChange?: (id: number | undefined) => void;
}) {
  const [q, setQ] = useState('');
  const members = useQuery({
    queryKey: [...memberQueries.all(props.county), 'grant-pick', props.within, q],
    queryFn: () =>
      api.get<PageOfSchema<typeof MemberListItem>>(`/api/counties/${props.county}/members`, {
        within: props.within,
        q: q.trim() || undefined,
        pageSize: 20,
      }),
    placeholderData: (previous) => previous,
  });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={props.value}
      onChange={(id) => props.onChange?.(id)}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      loading={members.isFetching}
      style={{ width: 200 }}
      data-testid="grant-member-picker"
      options={(members.data?.items ?? []).map((member) => ({
        value: member.id,
        label: member.naturalVillageName ? `${member.name}（${member.naturalVillageName}）` : member.name,
      }))}
    />
  );
}
