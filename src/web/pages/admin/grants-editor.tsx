/**
 * Edit one user's grants (PUT /users/:id/grants): add, remove, change role, unit or linked Party member. The
 * server gives only grants the admin could exercise (404 otherwise) and checks linked members (422, shown by
 * field); the list keeps at least one grant (an account no longer used is disabled instead).
 */
import { Alert, Button, Form, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import type { Static } from 'typebox';
import { type GrantsReplace, ROLE_CODES, type UserView } from '../../../shared/schemas/access.ts';
import { ApiError, api } from '../../api/client.ts';
import { authMessages } from '../../auth/auth-messages.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { GrantMemberPicker } from './grant-member-picker.tsx';

type Grant = Static<typeof GrantsReplace>['grants'][number];

/** Roles whose grants name the Party member the user is (the server requires it for them and refuses it else). */
export const LINKED_ROLES = new Set(['member', 'group_leader']);

export const ROLES = ROLE_CODES;

function toInput(grants: Static<typeof UserView>['grants']): Array<Partial<Grant>> {
  return grants.map((g) => ({
    role: g.role as Grant['role'],
    orgCode: g.orgCode,
    ...(g.memberId === null ? {} : { memberId: g.memberId }),
  }));
}

export function GrantsEditor(props: {
  county: string;
  user: Static<typeof UserView>;
  onClose: (saved: boolean) => void;
}) {
  const m = useMessages(authMessages);
  const [form] = Form.useForm<{ grants: Array<Partial<Grant>> }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function save(values: { grants: Array<Partial<Grant>> }) {
    const grants = values.grants.map((g) => ({
      role: g.role,
      orgCode: g.orgCode,
      ...(g.role && LINKED_ROLES.has(g.role) && g.memberId ? { memberId: g.memberId } : {}),
    }));
    setSaving(true);
    try {
      await api.put(`/api/counties/${props.county}/users/${props.user.id}/grants`, { grants });
      props.onClose(true);
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.details.map((d) => d.message)].join('：') : String(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={`${m.editGrants} · ${props.user.displayName}`}
      okText={m.save}
      cancelText={m.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      width={720}
    >
      <Form
        form={form}
        initialValues={{ grants: toInput(props.user.grants) }}
        onFinish={(v) => void save(v)}
        className="grants-editor"
      >
        <Form.List
          name="grants"
          rules={[
            {
              validator: async (_, grants: unknown[] | undefined) => {
                if (!grants || grants.length === 0) throw new Error(m.grantsNeeded);
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <GrantRow key={field.key} county={props.county} name={field.name} onRemove={() => remove(field.name)} />
              ))}
              <Button onClick={() => add({})} className="grants-add">
                {m.addGrant}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}

function GrantRow(props: { county: string; name: number; onRemove: () => void }) {
  const m = useMessages(authMessages);
  const form = Form.useFormInstance();
  const role = Form.useWatch(['grants', props.name, 'role'], form) as string | undefined;
  const orgCode = Form.useWatch(['grants', props.name, 'orgCode'], form) as string | undefined;
  return (
    <Space align="start" wrap className="grant-row" data-testid="grant-row">
      <Form.Item name={[props.name, 'role']} rules={[{ required: true, message: m.required }]}>
        <Select
          placeholder={m.role}
          aria-label={m.role}
          style={{ width: 160 }}
          options={ROLES.map((r) => ({ value: r, label: m.roles[r] }))}
        />
      </Form.Item>
      <Form.Item name={[props.name, 'orgCode']} rules={[{ required: true, message: m.required }]}>
        <OrgTreeSelect county={props.county} placeholder={m.org} className="users-org" ariaLabel={m.org} />
      </Form.Item>
      {role && LINKED_ROLES.has(role) && (
        <Form.Item name={[props.name, 'memberId']} rules={[{ required: true, message: m.required }]}>
          <GrantMemberPicker county={props.county} within={orgCode} placeholder={m.memberSearch} />
        </Form.Item>
      )}
      <Button danger onClick={props.onRemove}>
        {m.removeGrant}
      </Button>
    </Space>
  );
}
