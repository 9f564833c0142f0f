/**
 * Create (/members/new) or edit (/members/:id/edit) an information card. Field errors are the API's own messages
 * placed under the fields; an edit sends only the fields that changed, so masked values are never sent back.
 */
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { changedFields } from '../../components/form-errors.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SAVED_STATE } from '../../components/saved-notice.tsx';
import { useScopedHref } from '../../components/scoped-link.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type MemberCard, type MemberCreateBody, useMemberCard, useSaveMember } from './member-api.ts';
import { MemberFormFields } from './member-form-fields.tsx';
import { memberMessages } from './member-messages.ts';

type Values = Record<string, unknown>;
const NULLABLE = ['post', 'workUnit', 'phone'];

// Card fields the form edits; ID number and phone are left out because the card holds them masked.
const EDITABLE = [
  'name',
  'sex',
  'ethnicity',
  'education',
  'joinDate',
  'membership',
  'branchName',
  'naturalVillageCode',
  'post',
  'workUnit',
  'expertise',
  'interests',
  'willingness',
  'capacity',
  'isMigrant',
  'health',
  'status',
  'note',
] as const;

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
  const navigate = useNavigate();
  const href = useScopedHref();
  const [form] = Form.useForm<Values>();
  const save = useSaveMember(county, card?.id);
  const server = useServerForm(form);
  const [unchanged, setUnchanged] = useState(false);
  const initial = card
    ? valuesOf(card)
    : { membership: 'formal', ethnicity: 'han', capacity: 1, isMigrant: false, expertise: [], willingness: [] };
  if (!card && scope.length === 15) initial.naturalVillageCode = scope;

  const onFinish = async (values: Values) => {
    const body = cleanBody(values, Boolean(card));
    const payload = card ? changedFields(body, cleanBody(initial, true)) : body;
    setUnchanged(Boolean(card) && Object.keys(payload).length === 0);
    if (card && Object.keys(payload).length === 0) return;
    const saved = await server.submit(() => save.mutateAsync(payload as MemberCreateBody));
    if (saved) navigate(href(`/members/${saved.id}`), { state: SAVED_STATE });
  };

  return (
    <Card>
      <FormProblems error={server.error} unplaced={server.unplaced} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError>
        <MemberFormFields card={card} />
        {unchanged && <Alert type="info" showIcon title={m.noChanges} className="form-problems" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {m.save}
          </Button>
          <Button onClick={() => navigate(-1)}>{m.cancel}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function MemberFormPage() {
  const m = useMessages(memberMessages);
  const { county } = useScope();
  const id = Number(useParams().id ?? 0);
  const card = useMemberCard(county, id);
  if (!id) {
    return (
      <>
        <Typography.Title level={2}>{m.createTitle}</Typography.Title>
        <MemberForm card={undefined} />
      </>
    );
  }
  return (
    <QueryState query={card}>
      {(data) => (
        <>
          <Typography.Title level={2}>{m.editTitle(data.name)}</Typography.Title>
          <MemberForm card={data} />
        </>
      )}
    </QueryState>
  );
}
