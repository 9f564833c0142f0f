/** The group leader, the ranked suggestions with their reasons, and assigning one (confirmed). */

import { Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert, QueryState } from '../../components/query-state.tsx';
import { allows } from '../../components/record-actions.ts';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useLabel } from '../../i18n/i18n.tsx';
import { type PartyGroupDetail, useChangeGroup, useLeaderSuggestions } from './party-group-api.ts';
import type { PartyGroupMessages } from './party-group-messages.ts';

type Props = { county: string; group: PartyGroupDetail; m: PartyGroupMessages['leader'] };

function Suggestions({ county, group, m }: Props) {
  const label = useLabel();
  const suggestions = useLeaderSuggestions(county, group.id, true);
  const change = useChangeGroup(county, group.id);
  const mayAssign = allows(group, 'grid.write'); // a read-only role reads the ranking but gets no assign button
  return (
    <QueryState query={suggestions} compact rows={3}>
      {(data) => (
        <>
          {change.isError && <ErrorAlert error={change.error} title={m.assign} />}
          {data.candidates.length === 0 && <Typography.Text type="secondary">{m.noCandidates}</Typography.Text>}
          <List
            size="small"
            dataSource={data.candidates}
            renderItem={(c) => (
              <List.Item
                key={c.memberId}
                actions={[
                  c.memberId === data.currentLeaderId ? (
                    <Tag key="current" color="red">
                      {m.current}
                    </Tag>
                  ) : (
                    mayAssign && (
                      <Popconfirm
                        key="assign"
                        title={m.assignConfirm(c.name)}
                        onConfirm={() => change.mutate({ kind: 'leader', memberId: c.memberId })}
                      >
                        <Button size="small" loading={change.isPending && change.variables?.kind === 'leader'}>
                          {m.assign}
                        </Button>
                      </Popconfirm>
                    )
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <>
                      {c.rank}. <ScopedLink to={`/members/${c.memberId}`}>{c.name}</ScopedLink>
                    </>
                  }
                  description={c.reasons.map((r) => label(r)).join('；')}
                />
              </List.Item>
            )}
          />
          {data.ineligible.length > 0 && (
            <details>
              <summary>
                {m.ineligible}（{data.ineligible.length}）
              </summary>
              <ul className="gap-list">
                {data.ineligible.map((x) => (
                  <li key={x.memberId}>
                    {x.name}：{x.reasons.map((r) => label(r)).join('；')}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </QueryState>
  );
}

export function LeaderCard(props: Props) {
  const { group, m } = props;
  const [open, setOpen] = useState(group.leader === null);
  const live = group.retiredAt === null;
  return (
    <Card
      size="small"
      title={m.title}
      className="grid-section"
      data-testid="group-leader"
      extra={live && <Button onClick={() => setOpen(!open)}>{open ? m.hide : m.suggest}</Button>}
    >
      <Space wrap>
        {group.leader ? (
          <>
            <ScopedLink to={`/members/${group.leader.memberId}`}>
              <strong>{group.leader.name}</strong>
            </ScopedLink>
            <Typography.Text type="secondary">{m.since(group.leader.since)}</Typography.Text>
          </>
        ) : (
          <Tag color="orange">{m.none}</Tag>
        )}
      </Space>
      {live && open && <Suggestions {...props} />}
    </Card>
  );
}
