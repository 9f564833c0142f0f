/**
 * A member's points: /my-points (the signed-in member's own) and /members/:id/points (points.read in scope).
 * The year is in the URL (?year=), the business year by default.
 */
import { InputNumber, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { businessToday } from '../../auth/business-clock.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { useMemberPoints, useMyPoints } from './assessment-api.ts';
import { assessmentMessages } from './assessment-messages.ts';
import { PointsView } from './points-view.tsx';

function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? businessToday().slice(0, 4));
  return [year, (y) => setParams({ year: String(y) }, { replace: true })];
}

export default function PointsPage() {
  const m = useMessages(assessmentMessages);
  const { county } = useScope();
  const { id } = useParams();
  const memberId = Number(id);
  const own = id === undefined;
  const [year, setYear] = useYear();
  const mine = useMyPoints(county, year);
  const theirs = useMemberPoints(county, own ? 0 : memberId, year);
  const points = own ? mine.data?.points : theirs.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="points-page">
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {own ? m.myTitle : `${m.memberTitle}${points ? ` · ${points.memberName}` : ''}`}
        </Typography.Title>
        <InputNumber aria-label={m.year} min={2013} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      {own ? (
        <QueryState query={mine}>
          {(d) =>
            d.points ? <PointsView p={d.points} m={m} /> : <Typography.Paragraph>{m.notLinked}</Typography.Paragraph>
          }
        </QueryState>
      ) : (
        <QueryState query={theirs}>{(d) => <PointsView p={d} m={m} />}</QueryState>
      )}
    </Space>
  );
}
