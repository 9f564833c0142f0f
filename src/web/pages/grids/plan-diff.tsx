/**
 * One village of a partition plan as a diff against the current grids: the grids proposed (kept or new, with
 * member counts), grids retired, members and natural villages that move, and the rule notes.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag } from 'antd';
import { orgUnitQueries } from '../../api/org-units.ts';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useLabel } from '../../i18n/i18n.tsx';
import { breachKey, type VillagePlan } from './grid-api.ts';
import type { GridMessages } from './grid-messages.ts';

type Move = VillagePlan['memberMoves'][number];
type PlanMessages = GridMessages['plan'];

function MoveList({ title, moves, m, link }: { title: string; moves: Move[]; m: PlanMessages; link?: boolean }) {
  if (moves.length === 0) return null;
  return (
    <div className="grid-section">
      <strong>
        {title}（{moves.length}）
      </strong>
      <ul className="plan-moves">
        {moves.map((x) => (
          <li key={`${x.id}:${x.from}:${x.to}`}>
            {link ? <ScopedLink to={`/members/${x.id}`}>{x.name}</ScopedLink> : x.name}：{x.from ?? m.none} → {x.to}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function VillageDiff({ county, village, m }: { county: string; village: VillagePlan; m: PlanMessages }) {
  const label = useLabel();
  const units = useQuery({
    ...orgUnitQueries.children(county, village.villageCode),
    staleTime: 5 * 60_000,
  });
  const nameOf = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const title = (
    <>
      {village.villageName}{' '}
      <Tag color={village.unchanged ? 'default' : 'orange'}>{village.unchanged ? m.unchanged : m.changed}</Tag>
    </>
  );
  return (
    <Card size="small" title={title} className="plan-village" data-testid={`plan-village-${village.villageCode}`}>
      {village.breaches.map((b) => (
        <Alert key={breachKey(b)} type="warning" showIcon title={label(b.message, b.code)} className="grid-section" />
      ))}
      <Table
        size="small"
        className="grid-section"
        rowKey={(g) => `${g.gridId ?? 'new'}-${g.name}`}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={village.grids}
        columns={[
          {
            key: 'name',
            title: m.proposedGrids,
            render: (_, g) => (
              <>
                {g.gridId ? <ScopedLink to={`/grids/${g.gridId}`}>{g.name}</ScopedLink> : g.name}{' '}
                <Tag color={g.gridId ? 'default' : 'green'}>{g.gridId ? m.kept : m.newGrid}</Tag>
              </>
            ),
          },
          {
            key: 'parts',
            title: m.parts,
            render: (_, g) =>
              g.parts
                .map((p) => (p.pieces > 1 ? `${nameOf(p.code)} ${p.piece}/${p.pieces}` : nameOf(p.code)))
                .join('、'),
          },
          { key: 'members', title: m.members, render: (_, g) => g.members.length },
          { key: 'capacity', title: m.capacity, render: (_, g) => `${g.householdIds.length} / ${g.capacity}` },
        ]}
      />
      {village.retire.length > 0 && (
        <div className="grid-section">
          <strong>{m.retire}：</strong>
          {village.retire.map((g) => (
            <Tag key={g.id} color="red">
              <ScopedLink to={`/grids/${g.id}`}>{g.name}</ScopedLink>
            </Tag>
          ))}
        </div>
      )}
      <MoveList title={m.memberMoves} moves={village.memberMoves} m={m} link />
      <MoveList title={m.naturalVillageMoves} moves={village.naturalVillageMoves} m={m} />
    </Card>
  );
}
