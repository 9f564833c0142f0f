/**
 * /activities/mine — a member's own organisational life on the phone: the activities of the group they are in,
 * upcoming and held, with their own attendance and a way to sign in when a QR sign-in is open.
 */
import { Card, List, Tag, Typography } from 'antd';
import { QueryState } from '../../components/query-state.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type MyActivities, useMyActivities } from './activity-api.ts';
import { StatusTag } from './activity-columns.tsx';
import { type ActivityMessages, activityMessages } from './activity-messages.ts';
import './activities.css';

function Section({ title, items, m }: { title: string; items: MyActivities['items']; m: ActivityMessages }) {
  return (
    <Card size="small" title={title} className="activity-section">
      <List
        dataSource={items}
        locale={{ emptyText: m.empty }}
        renderItem={(a) => (
          <List.Item data-testid={`my-activity-${a.id}`}>
            <div>
              <strong>{m.kinds[a.kind]}</strong> <StatusTag status={a.status} m={m} />
              <div>
                {a.heldOn ?? a.plannedOn} {a.place && `· ${a.place}`}
              </div>
              {a.topic && <div>{a.topic}</div>}
              {a.status === 'held' && (
                <div>
                  {m.myStatus}：
                  <Tag color={a.myStatus === 'present' ? 'green' : undefined}>
                    {a.myStatus ? m.attendance[a.myStatus] : m.unmarked}
                  </Tag>
                  {a.myRemote && <Tag color="purple">{m.remote}</Tag>}
                </div>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function MyActivitiesPage() {
  const m = useMessages(activityMessages);
  const { county } = useScope();
  const mine = useMyActivities(county);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.myTitle}</Typography.Title>
      </div>
      <QueryState query={mine}>
        {(data) =>
          data.member === null ? (
            <Typography.Paragraph>{m.noMember}</Typography.Paragraph>
          ) : (
            <>
              <Typography.Paragraph type="secondary">
                {data.member.name} · {data.group?.name}
              </Typography.Paragraph>
              <Section title={m.upcoming} items={data.items.filter((a) => a.status === 'planned').reverse()} m={m} />
              <Section title={m.past} items={data.items.filter((a) => a.status === 'held')} m={m} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
