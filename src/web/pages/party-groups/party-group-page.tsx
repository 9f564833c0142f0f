/**
 * 党小组: one grid Party group — its leader (suggestions with reasons, assign), the township and village
 * instructors (set or replace), its members, the activity centre (edit), and a link to its grid.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { ActivityCentreCard } from './activity-centre-card.tsx';
import { InstructorsCard } from './instructors-card.tsx';
import { LeaderCard } from './leader-card.tsx';
import { type PartyGroupDetail, usePartyGroup } from './party-group-api.ts';
import { type PartyGroupMessages, partyGroupMessages } from './party-group-messages.ts';
import '../grids/grids.css';

function MembersCard({ group, m }: { group: PartyGroupDetail; m: PartyGroupMessages['members'] }) {
  return (
    <Card size="small" title={`${m.title}（${group.members.length}）`} className="grid-section">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={group.members}
        columns={[
          {
            key: 'name',
            title: m.name,
            render: (_, r) => (
              <>
                <ScopedLink to={`/members/${r.id}`}>{r.name}</ScopedLink>
                {r.isLeader && (
                  <Tag color="red" className="dict-tag">
                    {m.leader}
                  </Tag>
                )}
                {r.isMigrant && <Tag className="dict-tag">{m.migrant}</Tag>}
              </>
            ),
          },
          { key: 'sex', title: '', render: (_, r) => `${m.sex[r.sex] ?? r.sex} · ${r.age}` },
          { key: 'nv', title: m.naturalVillage, dataIndex: 'naturalVillageName' },
          { key: 'post', title: m.post, render: (_, r) => r.post ?? '—' },
          { key: 'capacity', title: m.capacity, dataIndex: 'capacity' },
          { key: 'phone', title: m.phone, render: (_, r) => r.phone ?? '—' },
        ]}
      />
    </Card>
  );
}

function GroupView({ county, group }: { county: string; group: PartyGroupDetail }) {
  const m = useMessages(partyGroupMessages);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{group.name}</Typography.Title>
        <span>
          <ScopedLink to={`/activities?groupId=${group.id}`}>
            <Button>{m.activities}</Button>
          </ScopedLink>{' '}
          <ScopedLink to={`/grids/${group.gridId}`}>
            <Button icon={<ArrowLeftOutlined />}>{m.back}</Button>
          </ScopedLink>
        </span>
      </div>
      <Typography.Paragraph type="secondary">
        {[group.townshipName, group.villageName].filter(Boolean).join(' · ')} · {m.grid}{' '}
        <ScopedLink to={`/grids/${group.gridId}`}>{group.gridName}</ScopedLink> ·{' '}
        {group.naturalVillages.map((n) => n.name).join('、')}
      </Typography.Paragraph>
      {group.retiredAt && <Alert type="info" showIcon title={m.retired} className="grid-section" />}
      <LeaderCard county={county} group={group} m={m.leader} />
      <InstructorsCard county={county} group={group} m={m.instructors} required={m.required} />
      <MembersCard group={group} m={m.members} />
      <ActivityCentreCard county={county} group={group} m={m.centre} required={m.required} />
    </>
  );
}

export default function PartyGroupPage() {
  const { county } = useScope();
  const id = Number(useParams().id);
  const group = usePartyGroup(county, id);
  return <QueryState query={group}>{(data) => <GroupView county={county} group={data} />}</QueryState>;
}
