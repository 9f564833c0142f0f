/**
 * One problem (/problems/:id): where it is, its deadline, its trail, and the steps the user may take now — only
 * those the server lists in allowedActions (the same rule that refuses a step), else a line saying why none.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useDictionary } from '../../api/dictionary.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { ProblemActionDialog, type StepAction } from './problem-action-dialog.tsx';
import { type ProblemDetail, useProblem } from './problem-api.ts';
import { type ProblemMessages, problemMessages } from './problem-messages.ts';
import { Deadline, ProblemStatusTag } from './problem-parts.tsx';

function Facts({ p, m }: { p: ProblemDetail; m: ProblemMessages }) {
  const category = useDictionary('problem_category');
  const f = m.fields;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={f.household}>
        <ScopedLink to={`/households/${p.householdId}`}>{p.headName}</ScopedLink>
      </Descriptions.Item>
      <Descriptions.Item label={f.category}>{category.label(p.category)}</Descriptions.Item>
      <Descriptions.Item label={f.level}>
        <span data-testid="problem-level">{m.levels[p.level]}</span>
      </Descriptions.Item>
      <Descriptions.Item label={f.status}>
        <ProblemStatusTag status={p.status} m={m} />
      </Descriptions.Item>
      <Descriptions.Item label={f.holder}>{p.holderName ?? p.holderCode}</Descriptions.Item>
      <Descriptions.Item label={f.urgency}>{m.urgencies[p.urgency]}</Descriptions.Item>
      <Descriptions.Item label={f.due}>
        <Deadline p={p} m={m} />
      </Descriptions.Item>
      {p.department && <Descriptions.Item label={f.department}>{p.department}</Descriptions.Item>}
      <Descriptions.Item label={f.description} span={2}>
        {p.description}
      </Descriptions.Item>
      {p.resolution && (
        <Descriptions.Item label={f.resolution} span={2}>
          {p.resolution}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function Trail({ p, m }: { p: ProblemDetail; m: ProblemMessages }) {
  const name = (a: string) =>
    a === 'urge' ? m.urged : a in m.actions ? m.actions[a as StepAction] : a === 'raise' ? m.raise : a;
  return (
    <Timeline
      data-testid="problem-trail"
      items={p.events.map((e) => ({
        key: e.id,
        color: e.automatic ? 'red' : 'blue',
        children: (
          <>
            <Typography.Text strong>{name(e.action)}</Typography.Text> · {m.levels[e.toLevel]} · {e.actor}
            {e.automatic && <Tag color="red">{m.automatic}</Tag>}
            <br />
            <Typography.Text type="secondary">{new Date(e.at).toLocaleString()}</Typography.Text>
            {e.comment && <div>{e.comment}</div>}
          </>
        ),
      }))}
    />
  );
}

function Problem({ p, m }: { p: ProblemDetail; m: ProblemMessages }) {
  const { county } = useScope();
  const [action, setAction] = useState<StepAction | null>(null);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.heading(p.id, p.headName)}</Typography.Title>
        <ScopedLink to="/problems">
          <Button icon={<ArrowLeftOutlined />}>{m.back}</Button>
        </ScopedLink>
      </div>
      <Space orientation="vertical" size={16} className="full-width">
        {p.allowedActions.length === 0 && (
          <Typography.Text type="secondary" data-testid="problem-no-actions">
            {m.noActions(p.level)}
          </Typography.Text>
        )}
        <Space wrap>
          {p.allowedActions.map((a) => (
            <Button
              key={a}
              type={a === 'resolve' || a === 'confirm' ? 'primary' : 'default'}
              danger={a === 'reopen' || a === 'urge'}
              onClick={() => setAction(a)}
              data-testid={`problem-action-${a}`}
            >
              {m.actions[a]}
            </Button>
          ))}
        </Space>
        <Facts p={p} m={m} />
        <Card size="small" title={m.trail}>
          <Trail p={p} m={m} />
        </Card>
      </Space>
      {action && (
        <ProblemActionDialog county={county} problemId={p.id} action={action} m={m} onClose={() => setAction(null)} />
      )}
    </>
  );
}

export default function ProblemPage() {
  const m = useMessages(problemMessages);
  const { county } = useScope();
  const problem = useProblem(county, Number(useParams().id));
  return <QueryState query={problem}>{(p) => <Problem p={p} m={m} />}</QueryState>;
}
