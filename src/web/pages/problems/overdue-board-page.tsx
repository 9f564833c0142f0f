/** The overdue board (/problems/overdue): per level how many are late and the longest delay, then the late ones. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { PagedList } from '../../components/paged-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { type ProblemItem, useOverdueBoard } from './problem-api.ts';
import { ProblemCardRow } from './problem-card.tsx';
import { problemMessages } from './problem-messages.ts';
import { useProblemColumns } from './problem-parts.tsx';

export default function OverdueBoardPage() {
  const m = useMessages(problemMessages);
  const { county, base, paging } = useListQuery([]);
  const board = useOverdueBoard(county, base);
  const columns = useProblemColumns(m);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.overdueTitle}</Typography.Title>
        <ScopedLink to="/problems">
          <Button icon={<ArrowLeftOutlined />}>{m.back}</Button>
        </ScopedLink>
      </div>
      <Row gutter={[16, 16]} className="overdue-levels">
        {(board.data?.levels ?? []).map((l) => (
          <Col xs={12} md={6} key={l.level}>
            <Card size="small" title={m.levels[l.level]} data-testid={`overdue-${l.level}`}>
              <Statistic title={m.count} value={l.count} valueStyle={l.count > 0 ? { color: '#cf1322' } : undefined} />
              <Statistic title={m.maxLate} value={l.maxHoursLate} />
            </Card>
          </Col>
        ))}
      </Row>
      <PagedList<ProblemItem>
        list={board}
        {...paging}
        testId="overdue-table"
        fixedPageSize
        columns={columns}
        rowClassName={() => 'problem-overdue-row'}
        renderCard={(row) => <ProblemCardRow row={row} m={m} />}
        emptyHint={m.empty}
        scrollX={900}
      />
    </>
  );
}
