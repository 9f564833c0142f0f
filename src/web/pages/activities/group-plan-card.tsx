/**
 * A group's yearly plan (年度计划): each required slot with its state by the business date, and a form to plan an
 * activity (kind and planned date) for whoever may run the group's activities.
 */
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { businessToday } from '../../auth/business-clock.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useScopedHref } from '../../components/scoped-link.tsx';
import { type GroupPlan, useChangeActivity, useGroupPlan } from './activity-api.ts';
import type { ActivityMessages } from './activity-messages.ts';

const STATE_COLORS = { held: 'green', late: 'orange', missed: 'red', due: 'default' } as const;

function PlanForm(props: { county: string; scope: string; groupId: number; m: ActivityMessages; onClose(): void }) {
  const { m } = props;
  const save = useChangeActivity(props.county, props.scope, 0);
  const navigate = useNavigate();
  const href = useScopedHref();
  const [form] = Form.useForm<{ kind: string; plannedOn: string; topic?: string }>();
  const submit = (values: { kind: string; plannedOn: string; topic?: string }) =>
    save.mutate(
      { kind: 'create', body: { groupId: props.groupId, ...values } },
      { onSuccess: (a) => navigate(href(`/activities/${a.id}`)) },
    );
  return (
    <Modal
      open
      title={m.newActivity}
      okText={m.create}
      cancelText={m.cancel}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'plan-save' } as never}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <FormProblems error={save.error} unplaced={[]} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ plannedOn: businessToday() }}>
        <Form.Item name="kind" label={m.kind} rules={[{ required: true, message: m.required }]}>
          <Select options={Object.entries(m.kinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="plannedOn" label={m.plannedOn} rules={[{ required: true, message: m.required }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="topic" label={m.topic}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Slots({ plan, m }: { plan: GroupPlan; m: ActivityMessages }) {
  const kinds = [...new Set(plan.slots.map((s) => s.kind))];
  return (
    <>
      <Alert type="info" title={m.planTotals(plan.compliance)} className="activity-section" />
      {kinds.map((kind) => (
        <div key={kind} className="plan-row">
          <span className="plan-kind">{m.kinds[kind]}</span>
          <Space size={[4, 4]} wrap>
            {plan.slots
              .filter((s) => s.kind === kind)
              .map((s) => (
                <Tooltip key={s.period} title={`${s.from} ~ ${s.to}${s.heldOn ? ` · ${s.heldOn}` : ''}`}>
                  <Tag color={STATE_COLORS[s.state]} data-testid={`slot-${kind}-${s.period}`}>
                    {s.period} {m.states[s.state]}
                  </Tag>
                </Tooltip>
              ))}
          </Space>
        </div>
      ))}
    </>
  );
}

export function GroupPlanCard(props: {
  county: string;
  scope: string;
  groupId: number;
  year: number;
  canPlan: boolean;
  onYear(year: number): void;
  m: ActivityMessages;
}) {
  const { m } = props;
  const plan = useGroupPlan(props.county, props.scope, props.groupId, props.year);
  const [planning, setPlanning] = useState(false);
  const thisYear = Number(businessToday().slice(0, 4));
  return (
    <Card
      size="small"
      className="activity-section"
      title={`${plan.data?.groupName ?? ''} ${m.plan}`}
      extra={
        <Space wrap>
          <Select
            aria-label={m.year}
            value={props.year}
            onChange={props.onYear}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: y }))}
          />
          {props.canPlan && (
            <Button type="primary" onClick={() => setPlanning(true)} data-testid="plan-activity">
              {m.newActivity}
            </Button>
          )}
        </Space>
      }
    >
      <QueryState query={plan}>{(data) => <Slots plan={data} m={m} />}</QueryState>
      {planning && (
        <PlanForm
          county={props.county}
          scope={props.scope}
          groupId={props.groupId}
          m={m}
          onClose={() => setPlanning(false)}
        />
      )}
    </Card>
  );
}
