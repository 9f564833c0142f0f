/** The household's timeline card: help records, pairings, status changes and exit, newest first, paged. */
import { Button, Card, Empty, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useDictionary } from '../../api/dictionary.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useTimeline } from './help-api.ts';
import { helpMessages } from './help-messages.ts';

const COLOR: Record<string, string> = {
  help: 'blue',
  pairing_start: 'green',
  pairing_end: 'gray',
  status: 'orange',
  exit: 'green',
};

export default function HouseholdHelpTimeline({ county, householdId }: { county: string; householdId: number }) {
  const m = useMessages(helpMessages);
  const [size, setSize] = useState(20);
  const timeline = useTimeline(county, householdId, size);
  const measure = useDictionary('measure');
  const status = useDictionary('household_status');
  const items = timeline.data?.items ?? [];
  const detail = (item: (typeof items)[number]) => {
    if (item.kind === 'help') return `${measure.label(item.code)} · ${item.memberName ?? ''}：${item.text ?? ''}`;
    if (item.kind === 'status') return `${status.label(item.code)} ${item.text ?? ''}`;
    if (item.kind === 'pairing_end') return `${item.memberName ?? ''} ${item.extra === 'handover' ? m.handover : ''}`;
    return item.memberName ?? item.extra ?? '';
  };
  return (
    <Card title={m.timeline} size="small" className="help-timeline">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noTimeline} />
      ) : (
        <Timeline
          items={items.map((item) => ({
            key: `${item.kind}-${item.refId}`,
            color: COLOR[item.kind] ?? 'blue',
            content: (
              <div className="help-timeline-item">
                <Typography.Text strong>
                  {item.on} {m.kinds[item.kind]}
                </Typography.Text>{' '}
                {item.kind === 'help' && item.extra && (
                  <Tag>{m.statuses[item.extra as keyof typeof m.statuses] ?? item.extra}</Tag>
                )}
                <div>{detail(item)}</div>
              </div>
            ),
          }))}
        />
      )}
      {timeline.data?.hasMore && size < 100 && (
        <Button block loading={timeline.isFetching} onClick={() => setSize(size + 20)}>
          {m.more}
        </Button>
      )}
    </Card>
  );
}
