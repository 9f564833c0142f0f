/**
 * The problem inbox of a scope (/problems): by level, unsolved or late only, soonest due first; my notifications.
 * Cards on phones; the notifications sit beside the table only on screens wide enough (xxl) that every column,
 * the deadline last, stays in view (at 1366 px beside it the table scrolled the deadline away).
 */
import { Button, Checkbox, Col, Row, Segmented, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PagedList } from '../../components/paged-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { InboxCard } from './inbox-card.tsx';
import { type ProblemItem, type ProblemLevel, useProblemList } from './problem-api.ts';
import { ProblemCardRow } from './problem-card.tsx';
import { problemMessages } from './problem-messages.ts';
import { useProblemColumns } from './problem-parts.tsx';

const LEVELS = ['grid', 'village', 'township', 'county'] as const;
/** In the URL: `level`, `pending=false` (pending only is the default) and `overdue=true`, as well as the page. */
const KEYS = ['level', 'pending', 'overdue'] as const;

export default function ProblemInboxPage() {
  const m = useMessages(problemMessages);
  const { county, values, update, base, paging } = useListQuery(KEYS);
  const level = (LEVELS as readonly string[]).includes(values.level ?? '') ? (values.level as ProblemLevel) : 'all';
  const pending = values.pending !== 'false';
  const overdue = values.overdue === 'true';
  // The boxes show a click at once: the URL's change reaches the page in a router transition, a moment later.
  const [shown, setShown] = useState({ pending, overdue });
  useEffect(() => setShown({ pending, overdue }), [pending, overdue]);
  const query = {
    ...base,
    ...(level === 'all' ? {} : { level }),
    ...(pending ? { pending: true } : {}),
    ...(overdue ? { overdue: true } : {}),
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
              onChange={(v) => update({ level: v === 'all' ? undefined : v })}
              options={[{ value: 'all', label: m.allLevels }, ...LEVELS.map((l) => ({ value: l, label: m.levels[l] }))]}
            />
            <Checkbox
              checked={shown.pending}
              onChange={(e) => {
                setShown((now) => ({ ...now, pending: e.target.checked }));
                update({ pending: e.target.checked ? undefined : 'false' });
              }}
            >
              {m.pendingOnly}
            </Checkbox>
            <Checkbox
              checked={shown.overdue}
              onChange={(e) => {
                setShown((now) => ({ ...now, overdue: e.target.checked }));
                update({ overdue: e.target.checked ? 'true' : undefined });
              }}
            >
              {m.overdueOnly}
            </Checkbox>
          </Space>
          <PagedList<ProblemItem>
            list={list}
            {...paging}
            // one fixed order, soonest due first
            sort={undefined}
            testId="problem-table"
            fixedPageSize
            columns={columns}
            rowClassName={(p) => (p.overdue ? 'problem-overdue-row' : '')}
            renderCard={(row) => <ProblemCardRow row={row} m={m} />}
            emptyHint={m.empty}
            scrollX={900}
          />
        </Col>
        <Col xs={24} xxl={7}>
          <InboxCard county={county} />
        </Col>
      </Row>
    </>
  );
}
