/** Needs raised by the household, and its status history (identified → exited → returned …) as a timeline. */
import { Card, Empty, Timeline } from 'antd';
import { DictLabel, StatusTag } from '../../components/dict-tags.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import type { HouseholdDetail } from './household-api.ts';
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

export function HouseholdNeeds({ needs }: { needs: HouseholdDetail['needs'] }) {
  const m = useMessages(householdMessages);
  return (
    <Card title={m.sections.needs} size="small">
      {needs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noNeeds} />
      ) : (
        <ul className="need-list">
          {needs.map((need) => (
            <li key={need.id}>
              <div className="need-head">
                <strong>
                  <DictLabel kind="need" code={need.need} />
                </strong>
                <StatusTag kind="need_status" code={need.status} />
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
    </Card>
  );
}
