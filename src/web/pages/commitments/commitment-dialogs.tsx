/** The review, fulfilment and evaluation dialogs of one commitment (each saves to the API, errors under fields). */
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { dateAsText } from '../../components/date-field.ts';
import { ServerFormDialog } from '../../components/server-form-dialog.tsx';
import { type CommitmentDetail, useChangeCommitment } from './commitment-api.ts';
import type { CommitmentMessages } from './commitment-messages.ts';

export type Dialog =
  | { kind: 'review'; decision: 'approve' | 'return' }
  | { kind: 'fulfil'; itemId: number; position: number }
  | { kind: 'evaluate' };

interface Props {
  county: string;
  commitment: CommitmentDetail;
  dialog: Dialog;
  m: CommitmentMessages;
  onClose(): void;
}

/** The open dialog of the commitment page. */
export function CommitmentDialog({ county, commitment, dialog, m, onClose }: Props) {
  const change = useChangeCommitment(county, commitment.id);
  const d = m.dialogs;
  const common = { m, pending: change.isPending, onClose, testId: `commitment-${dialog.kind}` };
  if (dialog.kind === 'review') {
    const returning = dialog.decision === 'return';
    return (
      <ServerFormDialog<{ comment?: string }>
        {...common}
        title={returning ? d.returnTitle : d.reviewTitle}
        okText={returning ? m.actions.return : m.actions.approve}
        danger={returning}
        initialValues={{}}
        save={(v) => change.mutateAsync({ kind: 'review', body: { decision: dialog.decision, comment: v.comment } })}
      >
        <Form.Item
          name="comment"
          label={d.comment}
          extra={returning ? d.commentHint : undefined}
          rules={returning ? [{ required: true, whitespace: true, message: m.required }] : []}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </ServerFormDialog>
    );
  }
  if (dialog.kind === 'fulfil') {
    return (
      <ServerFormDialog<{ on: string; evidence: string }>
        {...common}
        title={d.fulfilTitle(dialog.position)}
        initialValues={{ on: dayjs().format('YYYY-MM-DD') }}
        save={(v) => change.mutateAsync({ kind: 'fulfil', itemId: dialog.itemId, body: v })}
      >
        <Form.Item name="on" label={d.on} rules={[{ required: true, message: m.required }]} {...dateAsText}>
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={d.evidence}
          rules={[{ required: true, whitespace: true, message: m.required }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </ServerFormDialog>
    );
  }
  return (
    <ServerFormDialog<{ grade: 'excellent' | 'good' | 'fair' | 'poor'; evaluation: string }>
      {...common}
      title={d.evaluateTitle}
      initialValues={{}}
      save={(v) => change.mutateAsync({ kind: 'evaluate', body: v })}
    >
      <Form.Item name="grade" label={d.grade} rules={[{ required: true, message: m.required }]}>
        <Select options={Object.entries(m.grades).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item
        name="evaluation"
        label={d.evaluation}
        rules={[{ required: true, whitespace: true, message: m.required }]}
      >
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </ServerFormDialog>
  );
}
