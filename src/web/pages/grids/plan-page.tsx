/**
 * 划分方案: propose a partition for the current scope (or a chosen township or village), review the summary and
 * each village's diff, then apply it after a confirmation. A plan made stale by later edits answers 409: the
 * page says so and offers to propose again.
 */
import { Alert, Button, Card, Col, Form, InputNumber, Popconfirm, Row, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { ErrorAlert } from '../../components/query-state.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type GridPlan, type PartitionOptions, useApplyPlan, useProposePlan } from './grid-api.ts';
import { type GridMessages, gridMessages } from './grid-messages.ts';
import { VillageDiff } from './plan-diff.tsx';
import { PlanSummary } from './plan-summary.tsx';
import './grids.css';

type Request = { scope: string; options?: PartitionOptions };
type Values = { scope: string } & PartitionOptions;

/** Plans cover a county, township or village; a natural village scope plans its village. */
const planScope = (scope: string) => scope.slice(0, Math.min(scope.length, 12));

function withoutEmpty(values: Values): Request {
  const options = Object.fromEntries(
    (['minMembers', 'maxMembers', 'targetMembers'] as const)
      .filter((k) => typeof values[k] === 'number')
      .map((k) => [k, values[k]]),
  ) as PartitionOptions;
  return { scope: values.scope, options: Object.keys(options).length ? options : undefined };
}

interface ApplyBarProps {
  plan: GridPlan;
  apply: ReturnType<typeof useApplyPlan>;
  m: GridMessages['plan'];
  onRepropose(): void;
}

function ApplyBar({ plan, apply, m, onRepropose }: ApplyBarProps) {
  const stale = apply.error instanceof ApiError && apply.error.status === 409;
  if (apply.data) {
    return (
      <Alert
        type="success"
        showIcon
        className="grid-section"
        data-testid="plan-applied"
        title={m.applied(apply.data)}
        action={
          <ScopedLink to="/grids">
            <Button>{m.seeGrids}</Button>
          </ScopedLink>
        }
      />
    );
  }
  return (
    <div className="grid-section">
      {stale && (
        <Alert
          type="error"
          showIcon
          className="grid-section"
          data-testid="plan-stale"
          title={m.stale}
          action={<Button onClick={onRepropose}>{m.repropose}</Button>}
        />
      )}
      {apply.isError && !stale && <ErrorAlert error={apply.error} title={m.apply} />}
      {plan.summary.villagesChanged === 0 && plan.summary.gridsCreated === 0 && plan.summary.gridsRetired === 0 && (
        <Alert type="info" showIcon className="grid-section" title={m.noChanges} />
      )}
      <Popconfirm
        title={m.apply}
        description={<div className="grid-confirm">{m.applyConfirm}</div>}
        onConfirm={() => apply.mutate(plan.id)}
      >
        <Button
          type="primary"
          loading={apply.isPending}
          disabled={plan.status !== 'proposed' || stale}
          data-testid="plan-apply"
        >
          {m.apply}
        </Button>
      </Popconfirm>
    </div>
  );
}

export default function PlanPage() {
  const m = useMessages(gridMessages).plan;
  const { county, scope } = useScope();
  const [form] = Form.useForm<Values>();
  const propose = useProposePlan(county);
  const apply = useApplyPlan(county);
  const [last, setLast] = useState<Request | null>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const run = (request: Request) => {
    setLast(request);
    propose.reset();
    apply.reset();
    propose.mutate(request);
  };
  const plan = propose.data;
  const villages = plan?.villages.filter((v) => showUnchanged || !v.unchanged) ?? [];
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.title}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      <Card size="small" className="grid-section">
        <Form<Values>
          key={scope}
          form={form}
          layout="vertical"
          initialValues={{ scope: planScope(scope) }}
          onFinish={(values) => run(withoutEmpty(values))}
        >
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="scope" label={m.scope} rules={[{ required: true }]}>
                <OrgTreeSelect county={county} levels={['county', 'township', 'village']} ariaLabel={m.scope} />
              </Form.Item>
            </Col>
            {(['minMembers', 'maxMembers', 'targetMembers'] as const).map((k) => (
              <Col key={k} xs={8} md={4}>
                <Form.Item name={k} label={m[k]}>
                  <InputNumber min={1} max={50} className="full-width" />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="plan-propose">
            {m.propose}
          </Button>
        </Form>
      </Card>
      {propose.isError && <ErrorAlert error={propose.error} onRetry={() => last && run(last)} />}
      {plan && (
        <div data-testid="plan-result" data-plan-id={plan.id}>
          <PlanSummary plan={plan} status={apply.data ? 'applied' : plan.status} m={m} />
          <ApplyBar plan={plan} apply={apply} m={m} onRepropose={() => last && run(last)} />
          <Space className="grid-section">
            <Switch checked={showUnchanged} onChange={setShowUnchanged} aria-label={m.showUnchanged} />
            {m.showUnchanged}
          </Space>
          {villages.map((v) => (
            <VillageDiff key={v.villageCode} county={county} village={v} m={m} />
          ))}
        </div>
      )}
    </>
  );
}
