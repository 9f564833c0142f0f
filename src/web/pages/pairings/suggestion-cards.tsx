/**
 * The suggestions on a phone: one card a row (household, suggested member, fit and reasons, actions) with a
 * checkbox for the bulk accept, where a wide table would push the page sideways.
 */
import { Card, Checkbox, Empty, Pagination, Tag } from 'antd';
import type { Key } from 'react';
import type { PairingMessages } from './pairing-messages.ts';
import { Actions, HouseholdCell, MemberCell, type ReviewRow, type RowActions } from './suggestion-columns.tsx';

interface Props {
  rows: ReviewRow[];
  m: PairingMessages['suggestions'];
  actions: RowActions;
  selected: Key[];
  onSelect(keys: Key[]): void;
  empty: string;
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number, size: number): void;
}

export function SuggestionCards({ rows, m, actions, selected, onSelect, empty, ...paging }: Props) {
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  const toggle = (key: number, on: boolean) => onSelect(on ? [...selected, key] : selected.filter((k) => k !== key));
  return (
    <>
      <div className="card-list">
        {rows.map((row) => {
          const key = row.suggestion.household.id;
          return (
            <Card key={key} size="small" className="list-card">
              {actions.canWrite && (
                <Checkbox checked={selected.includes(key)} onChange={(e) => toggle(key, e.target.checked)} />
              )}
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
        })}
      </div>
      {paging.total > paging.pageSize && (
        <Pagination
          className="list-pagination"
          size="small"
          simple
          current={paging.page}
          pageSize={paging.pageSize}
          total={paging.total}
          onChange={paging.onPage}
        />
      )}
    </>
  );
}
