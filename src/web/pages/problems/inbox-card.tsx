/** My notifications (the unread count lives here, on the problem pages, not in the shell: its JS budget is full). */
import { Badge, Button, Card, List, Typography } from 'antd';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useLang, useMessages } from '../../i18n/i18n.tsx';
import { useInbox, useReadInbox } from './problem-api.ts';
import { problemMessages } from './problem-messages.ts';

export function InboxCard({ county }: { county: string }) {
  const m = useMessages(problemMessages);
  const { lang } = useLang();
  const inbox = useInbox(county);
  const read = useReadInbox(county);
  const unread = inbox.data?.unread ?? 0;
  return (
    <Card
      size="small"
      title={
        <span>
          {m.inbox} <Badge count={unread} data-testid="inbox-unread" showZero={false} />
        </span>
      }
      extra={
        unread > 0 && (
          <Button size="small" onClick={() => read.mutate(undefined)} loading={read.isPending}>
            {m.markAllRead}
          </Button>
        )
      }
    >
      <Typography.Text type="secondary">{m.unread(unread)}</Typography.Text>
      <List
        size="small"
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: m.noNotifications }}
        renderItem={(n) => (
          <List.Item>
            <Typography.Text strong={n.readAt === null}>
              {n.problemId ? (
                <ScopedLink to={`/problems/${n.problemId}`}>{lang === 'zh' ? n.textZh : n.textEn}</ScopedLink>
              ) : lang === 'zh' ? (
                n.textZh
              ) : (
                n.textEn
              )}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
