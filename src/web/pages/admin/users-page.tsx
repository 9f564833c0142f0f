/**
 * /admin/users — the accounts I may administer (the server's rule: I could give every grant they hold); create
 * one with a role on an org unit (a member or group leader also names the Party member the user is); reset a
 * password, disable or enable an account, edit its grants — each offered only when the server lists it in the
 * user's `allowedActions`.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, message, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Static } from 'typebox';
import { passwordProblem, type UserView, type UserViews } from '../../../shared/schemas/access.ts';
import { ApiError, api } from '../../api/client.ts';
import { authMessages } from '../../auth/auth-messages.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { useLabel, useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { GrantMemberPicker } from './grant-member-picker.tsx';
import { GrantsEditor, LINKED_ROLES, ROLES } from './grants-editor.tsx';
import { UserActions } from './user-actions.tsx';

type UserRow = Static<typeof UserView>;

interface NewUserValues {
  username: string;
  displayName?: string;
  password: string;
  role: string;
  orgCode: string;
  memberId?: number;
}

function grantLabel(m: (typeof authMessages)['zh'], g: UserRow['grants'][number]): string {
  const base = `${m.roles[g.role] ?? g.role} · ${g.orgName ?? g.orgCode}`;
  if (!LINKED_ROLES.has(g.role)) return base;
  return `${base} · ${g.memberName ?? m.unlinked}`;
}

/** The accounts of a county; a created or changed account reloads `all`. */
const userQueries = {
  all: (county: string) => ['users', county] as const,
  list: (county: string) =>
    queryOptions({
      queryKey: [...userQueries.all(county), 'list'] as const,
      queryFn: () => api.get<typeof UserViews>(`/api/counties/${county}/users`),
    }),
};

export default function UsersPage() {
  const m = useMessages(authMessages);
  const label = useLabel();
  const { county } = useScope();
  const client = useQueryClient();
  const users = useQuery(userQueries.list(county));
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<NewUserValues>();
  const role = Form.useWatch('role', form);
  const orgCode = Form.useWatch('orgCode', form);
  const create = useMutation({
    mutationFn: (v: NewUserValues) =>
      api.post(`/api/counties/${county}/users`, {
        username: v.username,
        ...(v.displayName ? { displayName: v.displayName } : {}),
        password: v.password,
        grants: [
          {
            role: v.role,
            orgCode: v.orgCode,
            ...(LINKED_ROLES.has(v.role) && v.memberId ? { memberId: v.memberId } : {}),
          },
        ],
      }),
    onSuccess: () => {
      setError(null);
      void message.success(m.saved);
      void client.invalidateQueries({ queryKey: userQueries.all(county) });
    },
    onError: (e) =>
      setError(e instanceof ApiError ? [e.message, ...e.details.map((d) => d.message)].join('：') : String(e)),
  });
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [filter, setFilter] = useState('');
  const shown = (users.data ?? []).filter((u) =>
    [u.username, u.displayName].some((text) => text.toLowerCase().includes(filter.trim().toLowerCase())),
  );
  const refresh = () => void client.invalidateQueries({ queryKey: userQueries.all(county) });
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.users}</Typography.Title>
      </div>
      <Card title={m.newUser} size="small" className="users-new">
        <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="username" rules={[{ required: true, message: m.required }]}>
            <Input placeholder={m.username} aria-label={m.username} />
          </Form.Item>
          <Form.Item name="displayName">
            <Input placeholder={m.displayName} aria-label={m.displayName} />
          </Form.Item>
          <Form.Item
            name="password"
            rules={[
              { required: true, message: m.required },
              {
                validator: async (_, value: string | undefined) => {
                  const problem = value ? passwordProblem(value) : null;
                  if (problem) throw new Error(label(problem));
                },
              },
            ]}
          >
            <Input.Password placeholder={m.password} aria-label={m.password} autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" rules={[{ required: true, message: m.required }]}>
            <Select
              placeholder={m.role}
              aria-label={m.role}
              style={{ width: 160 }}
              options={ROLES.map((r) => ({ value: r, label: m.roles[r] }))}
            />
          </Form.Item>
          <Form.Item name="orgCode" rules={[{ required: true, message: m.required }]}>
            <OrgTreeSelect county={county} placeholder={m.org} className="users-org" />
          </Form.Item>
          {role && LINKED_ROLES.has(role) && (
            <Form.Item
              name="memberId"
              tooltip={m.memberHint[role]}
              label={m.member}
              rules={[{ required: true, message: m.required }]}
            >
              <GrantMemberPicker county={county} within={orgCode} placeholder={m.memberSearch} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {m.create}
          </Button>
        </Form>
        {error && <Alert type="error" showIcon message={error} />}
      </Card>
      <Input.Search
        allowClear
        placeholder={m.findUser}
        aria-label={m.findUser}
        onChange={(e) => setFilter(e.target.value)}
        className="users-filter"
        style={{ maxWidth: 320, margin: '12px 0' }}
      />
      <Table<UserRow>
        rowKey="id"
        loading={users.isFetching}
        dataSource={shown}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: m.username,
            dataIndex: 'username',
            render: (v, u) => (
              <Space>
                {v}
                {u.isDemo && <Tag color="orange">{m.demo}</Tag>}
                {u.locked && <Tag color="red">{m.locked}</Tag>}
                {u.disabled && <Tag color="default">{m.disabled}</Tag>}
              </Space>
            ),
          },
          { title: m.displayName, dataIndex: 'displayName' },
          {
            title: m.grants,
            render: (_, u) =>
              u.grants.map((g) => (
                <Tag
                  key={`${g.role}${g.orgCode}`}
                  color={LINKED_ROLES.has(g.role) && g.memberId === null ? 'orange' : undefined}
                >
                  {grantLabel(m, g)}
                </Tag>
              )),
          },
          {
            title: m.actions,
            render: (_, u) => (
              <UserActions county={county} user={u} onChanged={refresh} onEditGrants={() => setEditing(u)} />
            ),
          },
        ]}
      />
      {editing && (
        <GrantsEditor
          county={county}
          user={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              void message.success(m.saved);
              refresh();
            }
          }}
        />
      )}
    </>
  );
}
