/** /login — username or phone and password; back to `?next=` afterwards. Chinese first, English switch. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../shared/schemas/access.ts';
import { ApiError, api } from '../api/client.ts';
import { LanguageSwitch } from '../app/language-switch.tsx';
import { useMessages } from '../i18n/i18n.tsx';
import { authMessages } from './auth-messages.ts';
import { ME_KEY } from './session.tsx';

export default function LoginPage() {
  const m = useMessages(authMessages);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/';

  async function submit(values: { login: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<typeof Me>('/api/auth/login', values);
      client.setQueryData(ME_KEY, me);
      navigate(target, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <Card className="login-card" title={m.title} extra={<LanguageSwitch />}>
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="login" label={m.login} rules={[{ required: true, message: m.required }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={m.password} rules={[{ required: true, message: m.required }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} className="login-error" />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {m.submit}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="login-hint">
          {m.demoHint}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
