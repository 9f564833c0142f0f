/** The dialog of one step on a problem: the field the step needs (department, resolution, reason) or a comment. */
import { Form, Input } from 'antd';
import { ServerFormDialog } from '../../components/server-form-dialog.tsx';
import { type ActionBody, useProblemAction } from './problem-api.ts';
import type { ProblemMessages } from './problem-messages.ts';

export type StepAction = ActionBody['action'];

/** The field each step asks for. */
const FIELD: Record<StepAction, 'department' | 'resolution' | 'reason' | 'comment'> = {
  accept: 'comment',
  hand_to_department: 'department',
  resolve: 'resolution',
  escalate: 'reason',
  confirm: 'comment',
  reopen: 'reason',
  urge: 'comment',
};

interface Props {
  county: string;
  problemId: number;
  action: StepAction;
  m: ProblemMessages;
  onClose(): void;
}

export function ProblemActionDialog({ county, problemId, action, m, onClose }: Props) {
  const change = useProblemAction(county, problemId);
  const field = FIELD[action];
  const required = field !== 'comment';
  return (
    <ServerFormDialog<Record<string, string>>
      m={m}
      title={m.actions[action]}
      okText={m.actions[action]}
      danger={action === 'reopen'}
      initialValues={{}}
      pending={change.isPending}
      onClose={onClose}
      testId={`problem-${action}`}
      save={(v) => change.mutateAsync({ action, [field]: v[field] ?? '' } as ActionBody)}
    >
      <Form.Item
        name={field}
        label={m.inputs[field]}
        rules={required ? [{ required: true, whitespace: true, message: m.required }] : []}
      >
        {field === 'department' ? (
          <Input maxLength={100} data-testid={`problem-${action}-input`} />
        ) : (
          <Input.TextArea
            maxLength={field === 'resolution' ? 1000 : 500}
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid={`problem-${action}-input`}
          />
        )}
      </Form.Item>
    </ServerFormDialog>
  );
}
