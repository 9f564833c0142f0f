/** Each non-empty gap list of a coverage report, every entry linking to the grid, group, member or place. */
import { Card, Col, Empty, Row } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ScopedLink } from '../../components/scoped-link.tsx';
import type { CoverageReport } from './grid-api.ts';
import type { GridMessages } from './grid-messages.ts';

type Gaps = CoverageReport['gaps'];
type GapGrid = Gaps['gridsWithoutGroup'][number];
type Messages = GridMessages['coverage'];

/** A grid gap: the grid, and its group when the gap is about the group. */
function gridEntry(g: GapGrid, extra?: string, group?: boolean): ReactNode {
  const target = group && g.groupId ? `/party-groups/${g.groupId}` : `/grids/${g.gridId}`;
  return (
    <>
      <ScopedLink to={target}>{g.name}</ScopedLink>
      {extra ? ` · ${extra}` : ''}
    </>
  );
}

function GapCard({ title, entries }: { title: string; entries: { key: string; node: ReactNode }[] }) {
  if (entries.length === 0) return null;
  return (
    <Col xs={24} md={12} xl={8}>
      <Card size="small" title={`${title}（${entries.length}）`}>
        <ul className="gap-list">
          {entries.map((e) => (
            <li key={e.key}>{e.node}</li>
          ))}
        </ul>
      </Card>
    </Col>
  );
}

export function CoverageGaps({ gaps, m }: { gaps: Gaps; m: Messages }) {
  const t = m.totals;
  const grid = (list: GapGrid[], group?: boolean) =>
    list.map((g) => ({ key: String(g.gridId), node: gridEntry(g, undefined, group) }));
  const cards = [
    { title: t.gridsWithoutGroup, entries: grid(gaps.gridsWithoutGroup) },
    { title: t.groupsWithoutLeader, entries: grid(gaps.groupsWithoutLeader, true) },
    { title: t.groupsWithoutInstructors, entries: grid(gaps.groupsWithoutInstructors, true) },
    {
      title: t.groupsUnderThreeMembers,
      entries: gaps.groupsUnderThreeMembers.map((g) => ({
        key: String(g.gridId),
        node: gridEntry(g, m.membersCount(g.members)),
      })),
    },
    {
      title: t.gridsOverCapacity,
      entries: gaps.gridsOverCapacity.map((g) => ({
        key: String(g.gridId),
        node: gridEntry(g, m.overCapacity(g.households, g.capacity)),
      })),
    },
    {
      title: t.membersWithoutGrid,
      entries: gaps.membersWithoutGrid.map((x) => ({
        key: String(x.memberId),
        node: <ScopedLink to={`/members/${x.memberId}`}>{x.name}</ScopedLink>,
      })),
    },
    {
      title: t.membersInTwoGrids,
      entries: gaps.membersInTwoGrids.map((x) => ({
        key: String(x.memberId),
        node: (
          <>
            <ScopedLink to={`/members/${x.memberId}`}>{x.name}</ScopedLink> · {m.grids(x.grids)}
          </>
        ),
      })),
    },
    {
      title: t.naturalVillagesWithoutGrid,
      entries: gaps.naturalVillagesWithoutGrid.map((x) => ({
        key: x.code,
        // A natural village in no grid is fixed from its village's grids: open the village's grid map.
        node: <Link to={`/grids?scope=${x.code.slice(0, 12)}`}>{x.name}</Link>,
      })),
    },
  ].filter((c) => c.entries.length > 0);
  return (
    <Card size="small" title={m.gaps} className="grid-section" data-testid="coverage-gaps">
      {cards.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noGaps} />
      ) : (
        <Row gutter={[12, 12]}>
          {cards.map((c) => (
            <GapCard key={c.title} title={c.title} entries={c.entries} />
          ))}
        </Row>
      )}
    </Card>
  );
}
