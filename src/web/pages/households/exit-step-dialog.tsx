/**
 * The dialog of one exit action (start, verify, sign, notice, objection, resolve, complete, withdraw): its fields,
 * sent as they are; every rule and message is the server's, shown under the field it names.
 */
import { Alert, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { EXIT_NOTICE_DAYS } from '../../../shared/schemas/exit.ts';
import { businessToday } from '../../auth/business-clock.ts';
import { ServerFormDialog } from '../../components/server-form-dialog.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type ExitAction, useExitAction } from './exit-api.ts';
import { type ExitMessages, exitMessages } from './exit-messages.ts';

type Field = keyof ExitMessages['fields'];
type Kind = 'date' | 'text' | 'long' | 'int' | 'decision' | 'check';

const FIELDS: Record<ExitAction, [Field, Kind][]> = {
  start: [
    ['assessedOn', 'date'],
    ['year', 'int'],
  ],
  verify: [
    ['on', 'date'],
    ['note', 'long'],
  ],
  sign: [
    ['on', 'date'],
    ['signerName', 'text'],
  ],
  notice: [
    ['from', 'date'],
    ['days', 'int'],
  ],
  objection: [
    ['raisedOn', 'date'],
    ['raisedBy', 'text'],
    ['content', 'long'],
  ],
  resolve: [
    ['decision', 'decision'],
    ['resolution', 'long'],
    ['on', 'date'],
  ],
  complete: [
    ['on', 'date'],
    ['endPairings', 'check'],
  ],
  withdraw: [
    ['on', 'date'],
    ['reason', 'long'],
  ],
};

// The server's business date (the demo clock may set it years back), not the device's.
const today = businessToday;
const filled = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));

/** The input of one field; Form.Item's injected props (id, value, onChange, checked) are passed on to it. */
function FieldInput({ kind, m, ...control }: { kind: Kind; m: ExitMessages } & Record<string, unknown>) {
  switch (kind) {
    case 'date':
      return <Input type="date" max={today()} {...control} />;
    case 'text':
      return <Input maxLength={60} {...control} />;
    case 'long':
      return <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} {...control} />;
    case 'int':
      return <InputNumber precision={0} className="full-width" {...control} />;
    case 'decision':
      return <Select options={Object.entries(m.decisions).map(([value, label]) => ({ value, label }))} {...control} />;
    case 'check':
      return <Checkbox {...control}>{m.fields.endPairings}</Checkbox>;
  }
}

export interface ExitStepDialogProps {
  householdId: number;
  action: ExitAction;
  exitId?: number;
  objectionId?: number;
  /** Initial values besides the dates (today), e.g. the head's name for the signature. */
  initial?: Record<string, unknown>;
  onClose(): void;
}

export function ExitStepDialog({ householdId, action, exitId, objectionId, initial, onClose }: ExitStepDialogProps) {
  const m = useMessages(exitMessages);
  const { county } = useScope();
  const save = useExitAction(county, householdId, action, exitId, objectionId);
  const fields = FIELDS[action];
  const defaults: Record<string, unknown> = { days: EXIT_NOTICE_DAYS.default, endPairings: true };
  const initialValues = Object.fromEntries(
    fields.map(([name, kind]) => [name, kind === 'date' ? today() : defaults[name]]).filter(([, v]) => v !== undefined),
  );
  return (
    <ServerFormDialog
      title={m.actions[action]}
      m={m}
      danger={action === 'withdraw'}
      initialValues={{ ...initialValues, ...initial }}
      pending={save.isPending}
      save={(values) => save.mutateAsync(filled(values))}
      onClose={onClose}
      notice={action === 'complete' && <Alert type="info" showIcon title={m.completeNote} className="form-problems" />}
      testId="exit-dialog"
    >
      {fields.map(([name, kind]) => (
        <Form.Item
          key={name}
          name={name}
          label={kind === 'check' ? undefined : m.fields[name]}
          valuePropName={kind === 'check' ? 'checked' : 'value'}
        >
          <FieldInput kind={kind} m={m} />
        </Form.Item>
      ))}
    </ServerFormDialog>
  );
}
