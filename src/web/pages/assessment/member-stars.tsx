/**
 * The "星级评定" section of a member's information card: their stars by year (final ones marked) and this year's
 * points, with a link to the points page — shown to those who may read the member's points (points.read).
 */
import { Card, List, Rate, Tag, Typography } from 'antd';
import { businessToday } from '../../auth/business-clock.ts';
import { useCan } from '../../auth/session.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useMemberPoints } from './assessment-api.ts';
import { assessmentMessages } from './assessment-messages.ts';

export function MemberStars({ county, memberId, unit }: { county: string; memberId: number; unit: string }) {
  const m = useMessages(assessmentMessages);
  const readable = useCan()('points.read', unit);
  const year = Number(businessToday().slice(0, 4));
  const points = useMemberPoints(county, readable ? memberId : 0, year);
  if (!readable) return null;
  return (
    <Card
      size="small"
      className="grid-section no-print"
      title={m.history}
      data-testid="member-stars"
      extra={
        <ScopedLink to={`/members/${memberId}/points?year=${year}`}>
          {m.total}：{points.data?.total ?? '…'}
        </ScopedLink>
      }
    >
      <List
        size="small"
        loading={points.isPending}
        dataSource={points.data?.history ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">{m.notComputed}</Typography.Text> }}
        renderItem={(h) => (
          <List.Item extra={h.final ? <Tag color="green">{m.final}</Tag> : null}>
            {h.year}：{h.stars === null ? m.exempt : <Rate disabled value={h.stars} style={{ fontSize: 14 }} />}
          </List.Item>
        )}
      />
    </Card>
  );
}
