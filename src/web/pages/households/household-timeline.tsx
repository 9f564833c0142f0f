/**
 * Needs raised by the household, and its poverty history (identified → exited → returned …) as a timeline; events
 * recorded before monitoring cases existed ('monitored', 'risk_cleared') stay in it as they were.
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Timeline } from 'antd';
import { useState } from 'react';
import { DictLabel, StatusTag } from '../../components/dict-tags.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import type { HouseholdDetail } from './household-api.ts';
import { NeedDialog } from './household-edit-dialogs.tsx';
import { householdEditMessages } from './household-edit-messages.ts';
import { householdMessages } from './household-messages.ts';

const STATUS_COLOR: Record<string, string> = {
  identified: 'red',
  returned: 'red',
  monitored: 'orange',
  exited: 'green',
  risk_cleared: 'green',
};

export function HouseholdHistory({ history }: { history: HouseholdDetail['statusHistory'] }) {
  const m = useMessages(householdMessages);
  return (
    <Card title={m.sections.history} size="small">
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noHistory} />
      ) : (
        <Timeline
          items={history.map((event) => ({
            key: event.id,
            color: STATUS_COLOR[event.status] ?? 'blue',
            title: event.effectiveOn,
            content: (
              <>
                <StatusTag kind="household_status" code={event.status} /> {event.reason}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}

type Need = HouseholdDetail['needs'][number];

/** The needs; `editable` (the caller may write the household) offers adding and editing. */
export function HouseholdNeeds({
  householdId,
  needs,
  editable,
}: {
  householdId: number;
  needs: Need[];
  editable: boolean;
}) {
  const m = useMessages(householdMessages);
  const em = useMessages(householdEditMessages);
  const [editing, setEditing] = useState<{ need: Need | undefined } | null>(null);
  const add = (
    <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ need: undefined })}>
      {em.addNeed}
    </Button>
  );
  return (
    <Card title={m.sections.needs} size="small" extra={editable && add}>
      {needs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noNeeds} />
      ) : (
        <ul className="need-list">
          {needs.map((need) => (
            <li key={need.id} data-testid={`need-${need.id}`}>
              <div className="need-head">
                <strong>
                  <DictLabel kind="need" code={need.need} />
                </strong>
                <StatusTag kind="need_status" code={need.status} />
                {editable && (
                  <Button
                    size="small"
                    type="link"
                    icon={<EditOutlined />}
                    aria-label={em.editNeed}
                    onClick={() => setEditing({ need })}
                  />
                )}
              </div>
              <div className="need-detail">
                {need.raisedOn}
                {need.closedOn ? ` → ${need.closedOn}` : ''}
                {need.detail ? ` · ${need.detail}` : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing && <NeedDialog householdId={householdId} need={editing.need} onClose={() => setEditing(null)} />}
    </Card>
  );
}
