/** The review, fulfilment and evaluation dialogs of one commitment (each saves to the API, errors under fields). */
import { DatePicker, Form, Input, Select } from 'antd';
import { businessToday } from '../../auth/business-clock.ts';
import { dateAsText } from '../../components/date-field.ts';
import { ServerFormDialog } from '../../components/server-form-dialog.tsx';
import { type CommitmentDetail, useChangeCommitment } from './commitment-api.ts';
import type { CommitmentMessages } from './commitment-messages.ts';

export type Dialog =
  | { kind: 'review'; decision: 'approve' | 'return' }
  | { kind: 'fulfil'; itemId: number; position: number }
  | { kind: 'evaluate' };

interface Props<D extends Dialog> {
  county: string;
  commitment: CommitmentDetail;
  dialog: D;
  m: CommitmentMessages;
  onClose(): void;
}

function useCommon<D extends Dialog>({ county, commitment, dialog, m, onClose }: Props<D>) {
  const change = useChangeCommitment(county, commitment.id);
  return { change, common: { m, pending: change.isPending, onClose, testId: `commitment-${dialog.kind}` } };
}

const TEXT = { minRows: 2, maxRows: 6 };

function ReviewDialog(props: Props<Extract<Dialog, { kind: 'review' }>>) {
  const { change, common } = useCommon(props);
  const { m, dialog } = props;
  const returning = dialog.decision === 'return';
  return (
    <ServerFormDialog<{ comment?: string }>
      {...common}
      title={returning ? m.dialogs.returnTitle : m.dialogs.reviewTitle}
      okText={returning ? m.actions.return : m.actions.approve}
      danger={returning}
      initialValues={{}}
      save={(v) => change.mutateAsync({ kind: 'review', body: { decision: dialog.decision, comment: v.comment } })}
    >
      <Form.Item
        name="comment"
        label={m.dialogs.comment}
        extra={returning ? m.dialogs.commentHint : undefined}
        rules={returning ? [{ required: true, whitespace: true, message: m.required }] : []}
      >
        <Input.TextArea maxLength={500} autoSize={TEXT} />
      </Form.Item>
    </ServerFormDialog>
  );
}

function FulfilDialog(props: Props<Extract<Dialog, { kind: 'fulfil' }>>) {
  const { change, common } = useCommon(props);
  const { m, dialog } = props;
  return (
    <ServerFormDialog<{ on: string; evidence: string }>
      {...common}
      title={m.dialogs.fulfilTitle(dialog.position)}
      initialValues={{ on: businessToday() }}
      save={(v) => change.mutateAsync({ kind: 'fulfil', itemId: dialog.itemId, body: v })}
    >
      <Form.Item name="on" label={m.dialogs.on} rules={[{ required: true, message: m.required }]} {...dateAsText}>
        <DatePicker className="full-width" />
      </Form.Item>
      <Form.Item
        name="evidence"
        label={m.dialogs.evidence}
        rules={[{ required: true, whitespace: true, message: m.required }]}
      >
        <Input.TextArea maxLength={500} autoSize={TEXT} />
      </Form.Item>
    </ServerFormDialog>
  );
}

function EvaluateDialog(props: Props<Extract<Dialog, { kind: 'evaluate' }>>) {
  const { change, common } = useCommon(props);
  const { m } = props;
  return (
    <ServerFormDialog<{ grade: 'excellent' | 'good' | 'fair' | 'poor'; evaluation: string }>
      {...common}
      title={m.dialogs.evaluateTitle}
      initialValues={{}}
      save={(v) => change.mutateAsync({ kind: 'evaluate', body: v })}
    >
      <Form.Item name="grade" label={m.dialogs.grade} rules={[{ required: true, message: m.required }]}>
        <Select options={Object.entries(m.grades).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item
        name="evaluation"
        label={m.dialogs.evaluation}
        rules={[{ required: true, whitespace: true, message: m.required }]}
      >
        <Input.TextArea maxLength={1000} autoSize={TEXT} />
      </Form.Item>
    </ServerFormDialog>
  );
}

/** The open dialog of the commitment page. */
export function CommitmentDialog(props: Props<Dialog>) {
  const { dialog } = props;
  switch (dialog.kind) {
    case 'review':
      return <ReviewDialog {...props} dialog={dialog} />;
    case 'fulfil':
      return <FulfilDialog {...props} dialog={dialog} />;
    case 'evaluate':
      return <EvaluateDialog {...props} dialog={dialog} />;
  }
}
