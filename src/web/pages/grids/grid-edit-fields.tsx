/** The form fields of each manual grid edit; pickers offer only what belongs to the grid's village. */
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { PageOfSchema } from '../../../shared/schemas/common.ts';
import type { MemberListItem } from '../../../shared/schemas/member.ts';
import { api } from '../../api/client.ts';
import { orgUnitQueries } from '../../api/org-units.ts';
import { memberQueries } from '../members/member-api.ts';
import type { GridDetail, GridEdit } from './grid-api.ts';
import { useGridList } from './grid-api.ts';
import type { GridMessages } from './grid-messages.ts';

export type EditKind = GridEdit['kind'];

interface Props {
  kind: EditKind;
  county: string;
  grid: GridDetail;
  m: GridMessages['edits'];
}

/** Members of the village matching the typed name (first 50), not already in this grid. */
function MemberPicker({ county, grid, m, id }: Omit<Props, 'kind'> & { id?: string; value?: number }) {
  const [q, setQ] = useState('');
  const query = { within: grid.villageCode, q: q || undefined, pageSize: 50, sort: 'name' };
  const found = useQuery({
    queryKey: [...memberQueries.lists(county), query],
    queryFn: () => api.get<PageOfSchema<typeof MemberListItem>>(`/api/counties/${county}/members`, query),
  });
  const inGrid = new Set(grid.members.map((x) => x.id));
  return (
    <Form.Item name="memberId" label={m.member} rules={[{ required: true, message: m.required }]}>
      <Select
        id={id}
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder={m.memberSearch}
        loading={found.isFetching}
        options={(found.data?.items ?? [])
          .filter((x) => !inGrid.has(x.id))
          .map((x) => ({ value: x.id, label: `${x.name} · ${x.naturalVillageName}` }))}
      />
    </Form.Item>
  );
}

function NaturalVillagePicker({ county, grid, m }: Omit<Props, 'kind'>) {
  const children = useQuery({
    ...orgUnitQueries.children(county, grid.villageCode),
  });
  const whole = new Set(grid.naturalVillages.filter((n) => n.pieces === 1).map((n) => n.code));
  return (
    <Form.Item name="code" label={m.naturalVillage} rules={[{ required: true, message: m.required }]}>
      <Select
        loading={children.isPending}
        options={(children.data ?? []).filter((u) => !whole.has(u.code)).map((u) => ({ value: u.code, label: u.name }))}
      />
    </Form.Item>
  );
}

function OtherGridPicker({ county, grid, m }: Omit<Props, 'kind'>) {
  const list = useGridList(county, { within: grid.villageCode, pageSize: 100 });
  return (
    <Form.Item name="otherGridId" label={m.otherGrid} rules={[{ required: true, message: m.required }]}>
      <Select
        loading={list.isPending}
        options={(list.data?.items ?? [])
          .filter((g) => g.id !== grid.id)
          .map((g) => ({ value: g.id, label: `${g.name}（${g.members}）` }))}
      />
    </Form.Item>
  );
}

export function GridEditFields(props: Props) {
  const { kind, grid, m } = props;
  const required = [{ required: true, whitespace: true, message: m.required }];
  switch (kind) {
    case 'rename':
      return (
        <Form.Item name="name" label={m.newName} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
      );
    case 'member':
      return (
        <>
          <MemberPicker {...props} />
          <Form.Item name="reason" label={m.reason} rules={required}>
            <Input maxLength={200} placeholder={m.reasonPlaceholder} />
          </Form.Item>
        </>
      );
    case 'naturalVillage':
      return (
        <>
          <NaturalVillagePicker {...props} />
          <Form.Item name="reason" label={m.reason}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      );
    case 'merge':
      return <OtherGridPicker {...props} />;
    case 'split':
      return (
        <>
          <Form.Item name="naturalVillages" label={m.splitVillages} rules={[{ required: true, message: m.required }]}>
            <Select
              mode="multiple"
              options={grid.naturalVillages.map((n) => ({
                value: n.code,
                label: n.pieces > 1 ? `${n.name} (${n.piece}/${n.pieces})` : n.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={m.splitName}>
            <Input maxLength={40} />
          </Form.Item>
        </>
      );
  }
}
