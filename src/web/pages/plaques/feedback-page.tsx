/**
 * 群众评价审核: the public's feedback under the selected scope, by status (pending first), each approved or
 * rejected with one click. Only approved entries appear on the plaques' public pages.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Rate, Segmented, Space, Typography } from 'antd';
import { PagedList } from '../../components/paged-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { type FeedbackItem, type FeedbackQuery, useFeedbackList, useModerate } from './plaque-api.ts';
import { plaqueMessages } from './plaque-messages.ts';

const KEYS = ['status'] as const;
type Status = 'pending' | 'approved' | 'rejected';
const STATUSES: Status[] = ['pending', 'approved', 'rejected'];

function Actions({ row, county }: { row: FeedbackItem; county: string }) {
  const m = useMessages(plaqueMessages);
  const moderate = useModerate(county);
  const busy = moderate.isPending;
  return (
    <Space>
      {row.status !== 'approved' && (
        <Button
          size="small"
          type="primary"
          loading={busy}
          onClick={() => moderate.mutate({ id: row.id, decision: 'approve' })}
        >
          {m.approve}
        </Button>
      )}
      {row.status !== 'rejected' && (
        <Button size="small" danger loading={busy} onClick={() => moderate.mutate({ id: row.id, decision: 'reject' })}>
          {m.reject}
        </Button>
      )}
    </Space>
  );
}

export default function FeedbackPage() {
  const m = useMessages(plaqueMessages);
  const { county, values, update, base, paging } = useListQuery(KEYS);
  const status = (STATUSES as string[]).includes(values.status ?? '') ? (values.status as Status) : 'pending';
  const list = useFeedbackList(county, { ...base, status } as FeedbackQuery);
  const when = (row: FeedbackItem) => new Date(row.submittedAt).toLocaleString();
  const plaque = (row: FeedbackItem) => (
    <ScopedLink to={`/pairings/${row.pairingId}/plaque`}>
      {row.headName} · {row.helperName}
    </ScopedLink>
  );

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.moderationTitle}</Typography.Title>
        <ScopedLink to="/plaques">
          <Button icon={<PrinterOutlined />}>{m.printTitle}</Button>
        </ScopedLink>
      </div>
      <Segmented<Status>
        value={status}
        onChange={(next) => update({ status: next, page: undefined })}
        options={STATUSES.map((s) => ({ value: s, label: m.statuses[s] }))}
      />
      <PagedList<FeedbackItem>
        list={list}
        {...paging}
        emptyHint={m.empty}
        columns={[
          { key: 'submittedAt', title: m.submittedAt, render: (_, row) => when(row) },
          { key: 'plaque', title: m.plaque, render: (_, row) => plaque(row) },
          { key: 'place', title: m.place, render: (_, row) => row.naturalVillageName },
          {
            key: 'satisfaction',
            title: m.satisfaction,
            render: (_, row) => <Rate disabled value={row.satisfaction} />,
          },
          { key: 'comment', title: m.commentColumn, render: (_, row) => row.comment },
          { key: 'actions', title: '', render: (_, row) => <Actions row={row} county={county} /> },
        ]}
        renderCard={(row) => (
          <div data-testid={`feedback-${row.id}`}>
            <div className="list-card-head">
              {plaque(row)} <Rate disabled value={row.satisfaction} />
            </div>
            <div>{row.comment}</div>
            <Typography.Text type="secondary">
              {row.naturalVillageName} · {when(row)}
            </Typography.Text>
            <div>
              <Actions row={row} county={county} />
            </div>
          </div>
        )}
      />
    </>
  );
}
