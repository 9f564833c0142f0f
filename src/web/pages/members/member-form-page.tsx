/**
 * Create (/members/new) or edit (/members/:id/edit) an information card. Field errors are the API's own messages
 * placed under the fields; an edit sends only the fields that changed, so masked values are never sent back.
 */
import { Card, Form } from 'antd';
import { useParams } from 'react-router';
import { MemberUpdate } from '../../../shared/schemas/member.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { RecordFormActions, RecordFormPage, useRecordForm } from '../../components/record-form.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type MemberCard, type MemberCreateBody, useMemberCard, useSaveMember } from './member-api.ts';
import { MemberFormFields } from './member-form-fields.tsx';
import { memberMessages } from './member-messages.ts';

type Values = Record<string, unknown>;
const NULLABLE = ['post', 'workUnit', 'phone', 'publicPhone'];

/** Masked on the card, so the form leaves them out (a blank field means "keep"). */
const MASKED = new Set(['idNumber', 'phone']);
// Card fields the form edits: every field an update accepts (the shared schema) but the masked ones.
const EDITABLE = Object.keys(MemberUpdate.properties).filter((k) => !MASKED.has(k)) as (keyof MemberCard)[];

const valuesOf = (card: MemberCard): Values => Object.fromEntries(EDITABLE.map((k) => [k, card[k]]));

/** Blank text is "no value": omitted on create, null on edit for clearable fields, "keep" for masked ones. */
function cleanBody(values: Values, editing: boolean): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) {
    const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (!blank) out[key] = value;
    else if (editing && NULLABLE.includes(key) && key !== 'phone') out[key] = null;
  }
  return out;
}

function MemberForm({ card }: { card: MemberCard | undefined }) {
  const m = useMessages(memberMessages);
  const { county, scope } = useScope();
  const save = useSaveMember(county, card?.id);
  const initial = card
    ? valuesOf(card)
    : { membership: 'formal', ethnicity: 'han', capacity: 1, isMigrant: false, expertise: [], willingness: [] };
  if (!card && scope.length === 15) initial.naturalVillageCode = scope;
  const { form, server, unchanged, onFinish } = useRecordForm({
    editing: Boolean(card),
    initial,
    clean: cleanBody,
    save: (body) => save.mutateAsync(body as MemberCreateBody),
    pathOf: (saved) => `/members/${saved.id}`,
  });

  return (
    <Card>
      <FormProblems error={server.error} unplaced={server.unplaced} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError>
        <MemberFormFields card={card} />
        <RecordFormActions pending={save.isPending} unchanged={unchanged} m={m} />
      </Form>
    </Card>
  );
}

export default function MemberFormPage() {
  const m = useMessages(memberMessages);
  const { county } = useScope();
  const id = Number(useParams().id ?? 0);
  const card = useMemberCard(county, id);
  return (
    <RecordFormPage id={id} query={card} m={m} nameOf={(c) => c.name}>
      {(data) => <MemberForm card={data} />}
    </RecordFormPage>
  );
}
