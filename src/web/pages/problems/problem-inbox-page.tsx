/** The problem inbox of a scope (/problems): by level, unsolved or late only, soonest due first; my notifications. */
import { Button, Checkbox, Col, Row, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { InboxCard } from './inbox-card.tsx';
import { type ProblemLevel, useProblemList } from './problem-api.ts';
import { problemMessages } from './problem-messages.ts';
import { useProblemColumns } from './problem-parts.tsx';

const LEVELS = ['grid', 'village', 'township', 'county'] as const;

export default function ProblemInboxPage() {
  const m = useMessages(problemMessages);
  const { county, scope } = useScope();
  const [level, setLevel] = useState<ProblemLevel | 'all'>('all');
  const [pending, setPending] = useState(true);
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const query = {
    within: scope,
    ...(level === 'all' ? {} : { level }),
    ...(pending ? { pending: true } : {}),
    ...(overdue ? { overdue: true } : {}),
    page,
    sort: 'dueAt',
  };
  const list = useProblemList(county, query);
  const columns = useProblemColumns(m);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.title}</Typography.Title>
        <ScopedLink to="/problems/overdue">
          <Button danger>{m.overdueBoard}</Button>
        </ScopedLink>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Space wrap className="problem-filters">
            <Segmented
              data-testid="problem-level-filter"
              value={level}
              onChange={(v) => {
                setLevel(v as ProblemLevel | 'all');
                setPage(1);
              }}
              options={[{ value: 'all', label: m.allLevels }, ...LEVELS.map((l) => ({ value: l, label: m.levels[l] }))]}
            />
            <Checkbox checked={pending} onChange={(e) => setPending(e.target.checked)}>
              {m.pendingOnly}
            </Checkbox>
            <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
              {m.overdueOnly}
            </Checkbox>
          </Space>
          <Table
            rowKey="id"
            size="small"
            data-testid="problem-table"
            loading={list.isFetching}
            columns={columns}
            dataSource={list.data?.items ?? []}
            rowClassName={(p) => (p.overdue ? 'problem-overdue-row' : '')}
            locale={{ emptyText: m.empty }}
            scroll={{ x: 900 }}
            pagination={{
              current: page,
              total: list.data?.total ?? 0,
              pageSize: 20,
              onChange: setPage,
              showSizeChanger: false,
            }}
          />
        </Col>
        <Col xs={24} xl={7}>
          <InboxCard county={county} />
        </Col>
      </Row>
    </>
  );
}
