/** A member chooser: fixed when the member is known, else a search over the scope's members by name. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { PageOfSchema } from '../../../shared/schemas/common.ts';
import type { MemberListItem } from '../../../shared/schemas/member.ts';
import { api } from '../../api/client.ts';
import { useScope } from '../../scope/scope.tsx';
import { memberQueries } from '../members/member-api.ts';
import { usePairedHouseholds } from './commitment-api.ts';

interface Props {
  county: string;
  fixed?: number;
  placeholder: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
}

export function MemberPicker({ county, fixed, placeholder, value, onChange }: Props) {
  const { scope } = useScope();
  const [q, setQ] = useState('');
  const known = usePairedHouseholds(county, fixed);
  const found = useQuery({
    queryKey: [...memberQueries.all(county), 'pick', scope, q],
    queryFn: () =>
      api.get<PageOfSchema<typeof MemberListItem>>(`/api/counties/${county}/members`, {
        within: scope,
        q,
        status: 'active',
        pageSize: 20,
      }),
    enabled: fixed === undefined && q.length > 0,
  });
  if (fixed !== undefined) {
    return (
      <Select value={fixed} disabled options={[{ value: fixed, label: known.data?.memberName ?? String(fixed) }]} />
    );
  }
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      className="commitment-member"
      notFoundContent={null}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((mm) => ({
        value: mm.id,
        label: mm.naturalVillageName ? `${mm.name}（${mm.naturalVillageName}）` : mm.name,
      }))}
      data-testid="commitment-member"
    />
  );
}
