/**
 * The successor of a handover: a search over the active members of the household's village (or, ticked, its
 * township — the server accepts no one from elsewhere), each with their capacity; once one is chosen, their
 * current pairings are counted so a full member is flagged before the server says so.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Static } from 'typebox';
import type { PageOfSchema } from '../../../shared/schemas/common.ts';
import type { MemberListItem } from '../../../shared/schemas/member.ts';
import { api } from '../../api/client.ts';
import { memberQueries } from '../members/member-api.ts';
import { usePairingList } from './pairing-api.ts';
import type { PairingMessages } from './pairing-messages.ts';

type Candidate = Static<typeof MemberListItem>;

interface Props {
  county: string;
  /** The household's natural village code (15 digits). */
  naturalVillageCode: string;
  /** The member handing over, never their own successor. */
  currentMemberId: number;
  m: PairingMessages;
}

/** How full the chosen member already is (their current pairings against their capacity). */
function ChosenLoad({ county, member, m }: { county: string; member: Candidate; m: PairingMessages }) {
  const list = usePairingList(county, { memberId: member.id, status: 'current', pageSize: 10 });
  if (!list.data) return null;
  const paired = list.data.total;
  if (paired >= member.capacity) return <Alert type="warning" showIcon title={m.full} />;
  return <Typography.Text type="secondary">{m.load(paired, member.capacity)}</Typography.Text>;
}

export function SuccessorPicker({ county, naturalVillageCode, currentMemberId, m }: Props) {
  const [q, setQ] = useState('');
  const [wide, setWide] = useState(false);
  const within = naturalVillageCode.slice(0, wide ? 9 : 12);
  const query = { within, q: q || undefined, status: 'active', pageSize: 50, sort: 'name' };
  const found = useQuery({
    queryKey: [...memberQueries.lists(county), query],
    queryFn: () => api.get<PageOfSchema<typeof MemberListItem>>(`/api/counties/${county}/members`, query),
  });
  const candidates = (found.data?.items ?? []).filter((c) => c.id !== currentMemberId && c.capacity > 0);
  const chosenId = Form.useWatch<number | undefined>('successorMemberId');
  const chosen = candidates.find((c) => c.id === chosenId);
  return (
    <>
      <Form.Item
        name="successorMemberId"
        label={m.successor}
        rules={[{ required: true, message: m.required }]}
        extra={chosen && <ChosenLoad county={county} member={chosen} m={m} />}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={m.successorSearch}
          loading={found.isFetching}
          data-testid="successor-select"
          options={candidates.map((c) => ({
            value: c.id,
            label: `${c.name} · ${c.naturalVillageName}${c.post ? ` · ${c.post}` : ''} · ${m.capacity(c.capacity)}`,
          }))}
        />
      </Form.Item>
      <Checkbox checked={wide} onChange={(e) => setWide(e.target.checked)} className="pairing-section">
        {m.widen}
      </Checkbox>
    </>
  );
}
