/** The choice fields of the help form: household (limited to the user's scope), member, need. */
import { useQueryClient } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useDictionary } from '../../api/dictionary.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import {
  type HouseholdChoice,
  helpQueries,
  useHelpChoices,
  useHouseholdSearch,
  usePairedHouseholds,
} from './help-api.ts';
import { helpMessages } from './help-messages.ts';

interface PickerProps {
  county: string;
  scope: string;
  /** The member a member user is; their paired households are the only choices. */
  memberId: number | null;
  /** A household chosen before (from the URL), shown even when the search does not list it. */
  preset: HouseholdChoice | undefined;
  onPicked(choice: HouseholdChoice | undefined): void;
}

export function HouseholdPicker({ county, scope, memberId, preset, onPicked }: PickerProps) {
  const m = useMessages(helpMessages);
  const [q, setQ] = useState('');
  const paired = usePairedHouseholds(county, memberId);
  const client = useQueryClient();
  // A member has one or two households: fetch the choices of each now, so the phone has them all if it goes offline.
  useEffect(() => {
    for (const h of paired.data ?? []) {
      void client.prefetchQuery(helpQueries.choices(county, h.id));
    }
  }, [client, county, paired.data]);
  const found = useHouseholdSearch(county, scope, q, memberId === null);
  const choices = (memberId === null ? found.data : paired.data) ?? [];
  const all = preset && !choices.some((c) => c.id === preset.id) ? [preset, ...choices] : choices;
  return (
    <Form.Item name="householdId" label={m.household} rules={[{ required: true, message: m.required }]}>
      <Select
        showSearch={memberId === null ? { filterOption: false, onSearch: setQ } : { optionFilterProp: 'label' }}
        placeholder={m.householdSearch}
        loading={found.isFetching || paired.isFetching}
        options={all.map((c) => ({ value: c.id, label: c.headName }))}
        onChange={(id: number) => onPicked(all.find((c) => c.id === id))}
      />
    </Form.Item>
  );
}

/** The helping member (only for users above a member: a member records as themselves). */
export function MemberPicker({ county, householdId }: { county: string; householdId: number | undefined }) {
  const m = useMessages(helpMessages);
  const choices = useHelpChoices(county, householdId);
  return (
    <Form.Item name="memberId" label={m.member} rules={[{ required: true, message: m.required }]}>
      <Select
        loading={choices.isFetching}
        options={(choices.data?.helpers ?? []).map((x) => ({ value: x.id, label: x.name }))}
      />
    </Form.Item>
  );
}

/** The household's open needs. */
export function NeedPicker({ county, householdId }: { county: string; householdId: number | undefined }) {
  const m = useMessages(helpMessages);
  const choices = useHelpChoices(county, householdId);
  const need = useDictionary('need');
  const needs = choices.data?.needs ?? [];
  return (
    <Form.Item name="needId" label={m.need}>
      <Select
        allowClear
        placeholder={m.noNeed}
        options={needs.map((n) => ({
          value: n.id,
          label: n.detail ? `${need.label(n.need)} · ${n.detail}` : need.label(n.need),
        }))}
      />
    </Form.Item>
  );
}
