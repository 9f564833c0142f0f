/**
 * The star board (/stars): for the selected scope and year, members by stars (final, else the branch's, else
 * computed), exempt and vetoed, the round's stage and notice, when it was computed, a recompute button for those
 * who run the county's round, and the ratings list (best first) linking to each member's points.
 */
import { Button, Card, Col, InputNumber, message, Rate, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { businessToday } from '../../auth/business-clock.ts';
import { useCan } from '../../auth/session.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type RatingListItem, useRatings, useRecompute, useStarBoard } from './assessment-api.ts';
import { assessmentMessages } from './assessment-messages.ts';

export default function StarBoardPage() {
  const m = useMessages(assessmentMessages);
  const { county, scope } = useScope();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? businessToday().slice(0, 4));
  const [page, setPage] = useState(1);
  const board = useStarBoard(county, scope, year);
  const ratings = useRatings(county, scope, year, page);
  const recompute = useRecompute(county);
  const stars = (r: RatingListItem) => r.finalStars ?? r.branchStars ?? r.computedStars;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="star-board-page">
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {m.boardTitle}
        </Typography.Title>
        <InputNumber
          aria-label={m.year}
          min={2013}
          max={2100}
          value={year}
          onChange={(v) => v && setParams({ year: String(v) }, { replace: true })}
        />
        {can('party.review', county) && (
          <Button
            type="primary"
            data-testid="recompute"
            loading={recompute.isPending}
            onClick={() => recompute.mutate(year, { onSuccess: (r) => void message.success(m.recomputed(r.members)) })}
          >
            {m.recompute}
          </Button>
        )}
      </Space>
      <QueryState query={board}>
        {(b) => (
          <Card size="small" className="star-board">
            <Space wrap>
              {b.stage && (
                <Tag color="blue" data-testid="round-stage">
                  {m.stages[b.stage]}
                </Tag>
              )}
              {b.noticeUntil && <Tag>{m.noticeUntil(b.noticeUntil)}</Tag>}
              <Typography.Text type="secondary">
                {b.computedAt ? m.computedAt(new Date(b.computedAt).toLocaleString()) : m.notComputed}
              </Typography.Text>
            </Space>
            <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
              {(['5', '4', '3', '2', '1'] as const).map((s) => (
                <Col xs={8} md={4} key={s} data-testid={`stars-${s}`}>
                  <Statistic title={`${s}★`} value={b.byStars[s]} />
                </Col>
              ))}
              <Col xs={8} md={4}>
                <Statistic title={m.exempt} value={b.exempt} />
              </Col>
              <Col xs={8} md={4}>
                <Statistic title={m.vetoed} value={b.vetoed} />
              </Col>
              <Col xs={8} md={4}>
                <Statistic title={m.rated} value={b.rated} />
              </Col>
            </Row>
          </Card>
        )}
      </QueryState>
      <Card size="small" title={m.ratings}>
        <QueryState query={ratings}>
          {(r) => (
            <Table<RatingListItem>
              size="small"
              rowKey="memberId"
              dataSource={r.items}
              scroll={{ x: true }}
              pagination={{ current: r.page, pageSize: r.pageSize, total: r.total, onChange: setPage, simple: true }}
              columns={[
                {
                  title: m.name,
                  dataIndex: 'memberName',
                  render: (name: string, row) => (
                    <ScopedLink to={`/members/${row.memberId}/points?year=${year}`}>{name}</ScopedLink>
                  ),
                },
                { title: m.place, dataIndex: 'naturalVillageName', responsive: ['md'] },
                { title: m.score, dataIndex: 'score' },
                {
                  title: m.stars,
                  key: 'stars',
                  render: (_: unknown, row) =>
                    stars(row) === null ? (
                      <Tag>
                        {row.exemptReason
                          ? m.exemptReasons[row.exemptReason as keyof typeof m.exemptReasons]
                          : m.exempt}
                      </Tag>
                    ) : (
                      <Rate disabled value={stars(row) ?? 0} style={{ fontSize: 12 }} />
                    ),
                },
                { title: m.selfStars, dataIndex: 'selfStars', responsive: ['lg'] },
                { title: m.groupStars, dataIndex: 'groupStars', responsive: ['lg'] },
                { title: m.branchStars, dataIndex: 'branchStars', responsive: ['lg'] },
                {
                  title: m.vetoes,
                  dataIndex: 'vetoCode',
                  responsive: ['md'],
                  render: (code: string | null) => (code ? <Tag color="red">{code}</Tag> : null),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </Space>
  );
}
