/**
 * 帮扶责任人 on the household record: its current helpers (name, post, since, measures) and the ended pairings
 * with their end reason and successor — one request, `?householdId=<id>&status=all`.
 */
import { Card, Empty, Skeleton, Typography } from 'antd';
import { ErrorAlert } from '../../components/query-state.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { type PairingItem, usePairingList } from './pairing-api.ts';
import { type PairingMessages, pairingMessages } from './pairing-messages.ts';
import './pairings.css';

function Helper({ p, m }: { p: PairingItem; m: PairingMessages }) {
  return (
    <li>
      <ScopedLink to={`/members/${p.member.id}`}>
        <strong>{p.member.name}</strong>
      </ScopedLink>
      {p.member.post && <Typography.Text type="secondary"> {p.member.post}</Typography.Text>}
      <div className="pairing-muted">{m.helpers.since(p.startedOn)}</div>
      {p.measures && <div>{p.measures}</div>}
    </li>
  );
}

function Ended({ p, all, m }: { p: PairingItem; all: PairingItem[]; m: PairingMessages }) {
  const successor = p.successorId ? all.find((x) => x.id === p.successorId) : undefined;
  return (
    <li>
      {p.member.name}
      <span className="pairing-muted">
        {' '}
        {m.helpers.period(p.startedOn, p.endedOn ?? '')} · {m.endReasons[p.endReason ?? ''] ?? p.endReason}
        {successor && ` · ${m.helpers.successorIs(successor.member.name)}`}
      </span>
    </li>
  );
}

export function HouseholdHelpers({ county, householdId }: { county: string; householdId: number }) {
  const m = useMessages(pairingMessages);
  const list = usePairingList(county, { householdId, status: 'all', pageSize: 100 });
  const items = list.data?.items ?? [];
  const current = items.filter((p) => !p.endedOn);
  const ended = items.filter((p) => p.endedOn);
  return (
    <Card title={m.helpers.title} size="small" data-testid="household-helpers">
      {list.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && current.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.helpers.none} />}
      <ul className="pairing-history">
        {current.map((p) => (
          <Helper key={p.id} p={p} m={m} />
        ))}
      </ul>
      {ended.length > 0 && (
        <>
          <Typography.Title level={5}>{m.helpers.history}</Typography.Title>
          <ul className="pairing-history" data-testid="household-helpers-history">
            {ended.map((p) => (
              <Ended key={p.id} p={p} all={items} m={m} />
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
