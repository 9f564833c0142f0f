/** The "公开承诺" section of a member's card page: their commitments by year, with links, and "propose". */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { useCan } from '../../auth/session.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useCommitmentList } from './commitment-api.ts';
import { StatusTag } from './commitment-columns.tsx';
import { commitmentMessages } from './commitment-messages.ts';

export function MemberCommitments({ county, memberId, unit }: { county: string; memberId: number; unit: string }) {
  const m = useMessages(commitmentMessages);
  const can = useCan();
  const readable = can('pairing.read', unit);
  const list = useCommitmentList(county, { memberId, sort: '-year', pageSize: 10 }, readable);
  if (!readable) return null;
  return (
    <Card
      size="small"
      className="grid-section no-print"
      title={m.memberSection}
      data-testid="member-commitments"
      extra={
        can('commitment.write', unit) && (
          <ScopedLink to={`/commitments/new?memberId=${memberId}`}>
            <Button size="small" icon={<PlusOutlined />}>
              {m.add}
            </Button>
          </ScopedLink>
        )
      }
    >
      <List
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">{m.memberNone}</Typography.Text> }}
        renderItem={(row) => (
          <List.Item
            actions={[
              <ScopedLink key="open" to={`/commitments/${row.id}`}>
                {m.open}
              </ScopedLink>,
            ]}
          >
            {row.year} <StatusTag status={row.status} m={m} /> {m.fields.progress}{' '}
            {m.progress(row.fulfilled, row.items)}
          </List.Item>
        )}
      />
    </Card>
  );
}
