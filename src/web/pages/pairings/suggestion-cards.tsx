/**
 * One suggestion on a phone: household, suggested member, fit and reasons, actions, with a checkbox for the bulk
 * accept, where a wide table would push the page sideways. The shared list lays the cards out and pages them.
 */
import { Card, Checkbox, Tag } from 'antd';
import type { Key } from 'react';
import type { PairingMessages } from './pairing-messages.ts';
import { Actions, HouseholdCell, MemberCell, type ReviewRow, type RowActions } from './suggestion-columns.tsx';

interface Props {
  row: ReviewRow;
  m: PairingMessages['suggestions'];
  actions: RowActions;
  selected: Key[];
  onSelect(keys: Key[]): void;
}

export function SuggestionCard({ row, m, actions, selected, onSelect }: Props) {
  const key = row.suggestion.household.id;
  const toggle = (on: boolean) => onSelect(on ? [...selected, key] : selected.filter((k) => k !== key));
  return (
    <Card size="small" className="list-card">
      {actions.canWrite && <Checkbox checked={selected.includes(key)} onChange={(e) => toggle(e.target.checked)} />}
      <HouseholdCell row={row} m={m} />
      <MemberCell row={row} m={m} />
      <div className="list-card-line">
        <Tag>{`${m.fit} ${row.chosen.fit}`}</Tag>
        {row.chosen.reasons.map((r) => (
          <Tag key={r} color="green">
            {r}
          </Tag>
        ))}
      </div>
      {actions.canWrite && <Actions row={row} m={m} a={actions} inline />}
    </Card>
  );
}
