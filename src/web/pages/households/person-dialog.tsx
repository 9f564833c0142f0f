/**
 * Add a member to a household, or correct one. The answer is the whole record (size, head and violations
 * follow), which replaces the cached record; server problems show under the fields.
 */
import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { changedFields } from '../../components/form-errors.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type Person, type PersonInputBody, useSavePerson } from './household-api.ts';
import { householdFormMessages } from './household-form-messages.ts';
import { NEW_PERSON, PersonFields } from './person-fields.tsx';

type Values = Record<string, unknown>;
const EDITABLE = [
  'name',
  'sex',
  'relation',
  'ethnicity',
  'education',
  'schoolStatus',
  'health',
  'labour',
  'monthsWorked',
  'hasMedicalInsurance',
  'hasPensionInsurance',
] as const;

interface Props {
  householdId: number;
  /** The person to correct; absent to add one. */
  person: Person | undefined;
  open: boolean;
  onClose(): void;
}

export function PersonDialog({ householdId, person, open, onClose }: Props) {
  const m = useMessages(householdFormMessages);
  const { county } = useScope();
  const [form] = Form.useForm<Values>();
  const save = useSavePerson(county, householdId, person?.id);
  const server = useServerForm(form);
  const [unchanged, setUnchanged] = useState(false);
  const initial: Values = person ? Object.fromEntries(EDITABLE.map((k) => [k, person[k]])) : { ...NEW_PERSON };

  const onFinish = async (values: Values) => {
    const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    const body = person ? changedFields(filled, initial) : filled;
    setUnchanged(Object.keys(body).length === 0);
    if (Object.keys(body).length === 0) return;
    // The record behind the dialog updates with the answer, which is confirmation enough.
    if (await server.submit(() => save.mutateAsync(body as PersonInputBody))) onClose();
  };

  return (
    <Modal
      open={open}
      title={person ? `${m.editPerson}：${person.name}` : m.addPerson}
      okText={m.save}
      cancelText={m.cancel}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={840}
      destroyOnHidden
    >
      <FormProblems error={server.error} unplaced={server.unplaced} />
      {unchanged && <Alert type="info" showIcon title={m.noChanges} className="form-problems" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} preserve={false}>
        <PersonFields prefix={[]} maskedId={person?.idNumber} />
      </Form>
    </Modal>
  );
}
