/** The household page's problems: those raised for it, and the dialog to raise one (a helper or a handler). */
import { Button, Card, Form, Input, List, Select, Space } from 'antd';
import { useState } from 'react';
import { useDictionary } from '../../api/dictionary.ts';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { ServerFormDialog } from '../../components/server-form-dialog.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useProblemList, useRaiseProblem } from './problem-api.ts';
import { type ProblemMessages, problemMessages } from './problem-messages.ts';
import { ProblemStatusTag } from './problem-parts.tsx';

type RaiseValues = {
  category: string;
  description: string;
  urgency: 'normal' | 'urgent';
};

function RaiseDialog({
  county,
  householdId,
  m,
  onClose,
}: {
  county: string;
  householdId: number;
  m: ProblemMessages;
  onClose(): void;
}) {
  const raise = useRaiseProblem(county);
  const category = useDictionary('problem_category');
  return (
    <ServerFormDialog<RaiseValues>
      m={m}
      title={m.raiseTitle}
      initialValues={{ urgency: 'normal' }}
      pending={raise.isPending}
      onClose={onClose}
      testId="problem-raise"
      save={(v) => raise.mutateAsync({ householdId, ...v })}
    >
      <Form.Item name="category" label={m.fields.category} rules={[{ required: true, message: m.required }]}>
        <Select options={category.options} data-testid="problem-raise-category" />
      </Form.Item>
      <Form.Item
        name="description"
        label={m.fields.description}
        rules={[{ required: true, whitespace: true, message: m.required }]}
      >
        <Input.TextArea
          maxLength={1000}
          autoSize={{ minRows: 3, maxRows: 8 }}
          data-testid="problem-raise-description"
        />
      </Form.Item>
      <Form.Item name="urgency" label={m.fields.urgency}>
        <Select options={(['normal', 'urgent'] as const).map((u) => ({ value: u, label: m.urgencies[u] }))} />
      </Form.Item>
    </ServerFormDialog>
  );
}

export function HouseholdProblems({
  county,
  householdId,
  canRaise,
}: {
  county: string;
  householdId: number;
  canRaise: boolean;
}) {
  const m = useMessages(problemMessages);
  const [raising, setRaising] = useState(false);
  const list = useProblemList(county, { householdId, pageSize: 10, sort: '-createdAt' });
  return (
    <Card
      size="small"
      title={m.householdProblems}
      extra={
        canRaise && (
          <Button size="small" type="primary" onClick={() => setRaising(true)} data-testid="problem-raise-open">
            {m.raise}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: m.empty }}
        renderItem={(p) => (
          <List.Item>
            <Space wrap>
              <ScopedLink to={`/problems/${p.id}`}>#{p.id}</ScopedLink>
              <ProblemStatusTag status={p.status} m={m} />
              {m.levels[p.level]}
              <span>{p.description}</span>
            </Space>
          </List.Item>
        )}
      />
      {raising && <RaiseDialog county={county} householdId={householdId} m={m} onClose={() => setRaising(false)} />}
    </Card>
  );
}
