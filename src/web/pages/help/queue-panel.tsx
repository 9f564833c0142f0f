/** What is waiting on this device: "待发送 N 条" and each waiting record, with a send-now button. */
import { Alert, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { useMessages } from '../../i18n/i18n.tsx';
import { helpMessages } from './help-messages.ts';
import type { QueuedRecord } from './offline-store.ts';
import type { HelpQueue } from './use-help-queue.ts';

/**
 * `offlineReady`: the phone can reopen this form without signal (a service worker keeps it). A record the server
 * refused stays listed with the server's reason and can be brought back into the form (`onFix`) or discarded.
 */
export function QueuePanel({
  queue,
  online,
  offlineReady,
  onFix,
  fixing,
}: {
  queue: HelpQueue;
  online: boolean;
  offlineReady: boolean;
  onFix(record: QueuedRecord): void;
  /** The client uuid of the record being fixed in the form, if any. */
  fixing: string | undefined;
}) {
  const m = useMessages(helpMessages);
  const count = queue.items.length;
  return (
    <Card size="small" className="help-queue">
      {!online && <Alert type="warning" showIcon title={m.offline} className="help-offline" />}
      <div className="help-queue-head">
        <Typography.Text strong className="help-queue-count">
          {count > 0 ? m.waiting(count) : m.allSent}
        </Typography.Text>
        {count > 0 && (
          <Button size="small" loading={queue.sending} onClick={queue.flush}>
            {m.sendNow}
          </Button>
        )}
      </div>
      {online && offlineReady && (
        <Typography.Text type="secondary" className="help-offline-ready">
          {m.offlineReady}
        </Typography.Text>
      )}
      {count > 0 && (
        <List
          size="small"
          dataSource={queue.items}
          renderItem={(item) => (
            <List.Item key={item.clientId} className="help-queue-item">
              <div>
                <Typography.Text>
                  {item.headName} · {item.body.visitedOn}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {item.body.content.slice(0, 40)}
                    {item.photos.length > 0 && ` · ${m.photoCount(item.photos.length)}`}
                  </Typography.Text>
                </div>
                {item.error && (
                  <div className="help-queue-refused">
                    <Typography.Text type="danger">
                      {m.refused}: {item.error}
                    </Typography.Text>
                    {fixing === item.clientId ? (
                      <Typography.Text type="warning">{m.fixing}</Typography.Text>
                    ) : (
                      <Space size="small">
                        <Button size="small" onClick={() => onFix(item)}>
                          {m.fix}
                        </Button>
                        <Popconfirm title={m.discardConfirm} onConfirm={() => queue.discard(item.clientId)}>
                          <Button size="small" danger>
                            {m.discard}
                          </Button>
                        </Popconfirm>
                      </Space>
                    )}
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
