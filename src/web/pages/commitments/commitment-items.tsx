/** The items of a commitment: words, household, due date, and fulfilment (or the button recording it). */
import { Button, Table } from 'antd';
import type { CommitmentDetail } from './commitment-api.ts';
import type { CommitmentMessages } from './commitment-messages.ts';

type Item = CommitmentDetail['items'][number];

interface Props {
  commitment: CommitmentDetail;
  m: CommitmentMessages;
  /** Shown when the fulfilment of an item may be recorded now. */
  onFulfil?: (item: Item) => void;
}

export function CommitmentItems({ commitment, m, onFulfil }: Props) {
  const f = m.fields;
  return (
    <Table<Item>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={commitment.items}
      data-testid="commitment-items"
      columns={[
        { key: 'position', title: '#', dataIndex: 'position', width: 40 },
        { key: 'content', title: f.content, dataIndex: 'content' },
        { key: 'household', title: f.household, render: (_, i) => i.householdHeadName ?? m.noHousehold },
        { key: 'dueOn', title: f.dueOn, render: (_, i) => i.dueOn ?? '—' },
        {
          key: 'fulfilled',
          title: f.fulfilledOn,
          render: (_, i) =>
            i.fulfilledOn ? (
              <span data-testid={`item-fulfilled-${i.position}`}>
                {i.fulfilledOn}：{i.evidence}
              </span>
            ) : onFulfil ? (
              <Button size="small" onClick={() => onFulfil(i)} data-testid={`item-fulfil-${i.position}`}>
                {m.actions.fulfil}
              </Button>
            ) : (
              m.notFulfilled
            ),
        },
      ]}
    />
  );
}
