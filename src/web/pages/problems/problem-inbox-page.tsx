/**
 * The problem inbox of a scope (/problems): by level, unsolved or late only, soonest due first; my notifications.
 * Cards on phones; the notifications sit beside the table only on screens wide enough (xxl) that every column,
 * the deadline last, stays in view (at 1366 px beside it the table scrolled the deadline away).
 */
import { Button, Checkbox, Col, Row, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { ResponsiveList } from '../../components/responsive-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { InboxCard } from './inbox-card.tsx';
import { type ProblemItem, type ProblemLevel, useProblemList } from './problem-api.ts';
import { ProblemCardRow } from './problem-card.tsx';
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
        <Col xs={24} xxl={17}>
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
          <ResponsiveList<ProblemItem>
            testId="problem-table"
            rows={list.data?.items}
            total={list.data?.total ?? 0}
            page={page}
            pageSize={20}
            fixedPageSize
            loading={list.isFetching}
            rowKey={(p) => p.id}
            columns={columns}
            rowClassName={(p) => (p.overdue ? 'problem-overdue-row' : '')}
            renderCard={(row) => <ProblemCardRow row={row} m={m} />}
            emptyHint={m.empty}
            scrollX={900}
            onPage={setPage}
          />
        </Col>
        <Col xs={24} xxl={7}>
          <InboxCard county={county} />
        </Col>
      </Row>
    </>
  );
}
