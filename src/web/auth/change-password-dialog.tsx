/**
 * "修改密码 / Change password" from the account menu: the current password and the new one twice, checked with the
 * server's own rule (shared/schemas/access.ts) before sending; the server checks again, ends every other session
 * of the user and records the change in the audit trail (POST /api/auth/password).
 */
import { Alert, Form, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { passwordProblem } from '../../shared/schemas/access.ts';
import { ApiError, api } from '../api/client.ts';
import { useLabel, useMessages } from '../i18n/i18n.tsx';
import { authMessages } from './auth-messages.ts';

interface Values {
  current: string;
  next: string;
  repeat: string;
}

/** The dialog; `open` shows it, `onClose` is called when it is cancelled or the password was changed. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const m = useMessages(authMessages);
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit(values: Values) {
    setSaving(true);
    try {
      await api.post('/api/auth/password', { current: values.current, next: values.next });
      void message.success(m.passwordChanged);
      form.resetFields();
      setError(null);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.details.map((d) => d.message)].join('：') : String(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      title={m.changePassword}
      open={open}
      okText={m.save}
      cancelText={m.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} className="change-password">
        <Form.Item name="current" label={m.currentPassword} rules={[{ required: true, message: m.required }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label={m.nextPassword}
          extra={m.newPassword}
          rules={[
            { required: true, message: m.required },
            {
              validator: async (_, value: string | undefined) => {
                const problem = value ? passwordProblem(value) : null;
                if (problem) throw new Error(label(problem));
                if (value && value === form.getFieldValue('current')) throw new Error(m.passwordSameAsCurrent);
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={m.repeatPassword}
          dependencies={['next']}
          rules={[
            { required: true, message: m.required },
            {
              validator: async (_, value: string | undefined) => {
                if (value && value !== form.getFieldValue('next')) throw new Error(m.passwordsDiffer);
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
