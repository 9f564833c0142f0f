/** The households a member helps now, on their information card (`?memberId=<id>`, current pairings). */
import { Card, Empty, Skeleton, Typography } from 'antd';
import { ErrorAlert } from '../../components/query-state.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { usePairingList } from './pairing-api.ts';
import { pairingMessages } from './pairing-messages.ts';
import './pairings.css';

export function MemberPairings({ county, memberId }: { county: string; memberId: number }) {
  const m = useMessages(pairingMessages);
  const list = usePairingList(county, { memberId, status: 'current', pageSize: 20 });
  return (
    <Card
      title={m.memberPairings.title}
      size="small"
      className="pairing-section no-print"
      data-testid="member-pairings"
    >
      {list.isPending && <Skeleton active paragraph={{ rows: 1 }} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.memberPairings.none} />
      )}
      <ul className="pairing-history">
        {list.data?.items.map((p) => (
          <li key={p.id}>
            <ScopedLink to={`/households/${p.household.id}`}>
              <strong>{p.household.headName}</strong>
            </ScopedLink>
            <Typography.Text type="secondary">
              {' '}
              {p.villageName} · {p.naturalVillageName} · {m.helpers.since(p.startedOn)}
            </Typography.Text>
            {p.measures && <div>{p.measures}</div>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
