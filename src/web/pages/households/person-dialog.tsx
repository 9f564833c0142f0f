/**
 * Add a member to a household, or correct one. The answer is the whole record (size, head and violations
 * follow), which replaces the cached record; server problems show under the fields.
 */
import { Alert } from 'antd';
import { useState } from 'react';
import { changedFields } from '../../components/form-errors.ts';
import { ServerFormDialog } from '../../components/server-form-dialog.tsx';
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
  onClose(): void;
}

export function PersonDialog({ householdId, person, onClose }: Props) {
  const m = useMessages(householdFormMessages);
  const { county } = useScope();
  const save = useSavePerson(county, householdId, person?.id);
  const [unchanged, setUnchanged] = useState(false);
  const initial: Values = person ? Object.fromEntries(EDITABLE.map((k) => [k, person[k]])) : { ...NEW_PERSON };

  // The record behind the dialog updates with the answer, which is confirmation enough.
  const send = async (values: Values) => {
    const filled = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    const body = person ? changedFields(filled, initial) : filled;
    setUnchanged(Object.keys(body).length === 0);
    return Object.keys(body).length === 0 ? undefined : save.mutateAsync(body as PersonInputBody);
  };

  return (
    <ServerFormDialog
      title={person ? `${m.editPerson}：${person.name}` : m.addPerson}
      m={m}
      initialValues={initial}
      pending={save.isPending}
      save={send}
      onClose={onClose}
      width={840}
      notice={unchanged && <Alert type="info" showIcon title={m.noChanges} className="form-problems" />}
    >
      <PersonFields prefix={[]} maskedId={person?.idNumber} />
    </ServerFormDialog>
  );
}
