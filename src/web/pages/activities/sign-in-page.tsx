/**
 * /activity-sign-in?county=…&activity=…&token=… — the page a scanned QR code opens on a member's phone: what the
 * member signs in to (kind, topic, group, place), then one tap signs them in present; a member working away may
 * say they attend remotely. The server checks the token, the group and a second sign-in; its message is shown.
 */
import { CheckCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Result } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/query-state.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { activityQueries, useSignIn } from './activity-api.ts';
import { activityMessages } from './activity-messages.ts';
import './activities.css';

export default function SignInPage() {
  const m = useMessages(activityMessages);
  const [params] = useSearchParams();
  const county = params.get('county') ?? '';
  const id = Number(params.get('activity'));
  const token = params.get('token') ?? '';
  const valid = /^[0-9]{6}$/.test(county) && Number.isInteger(id) && id > 0 && token.length >= 16;
  const preview = useQuery({ ...activityQueries.signIn(county, id, token), enabled: valid });
  const signIn = useSignIn(county, id);
  const [remote, setRemote] = useState(false);
  if (!valid) return <Alert type="error" showIcon title={m.missingLink} />;
  if (signIn.isSuccess) {
    return <Result status="success" icon={<CheckCircleOutlined />} title={m.signedIn} data-testid="signed-in" />;
  }
  const a = preview.data;
  return (
    <Card className="sign-in-card" title={m.signInTitle}>
      {preview.error && <ErrorAlert error={preview.error} title={m.signInFailed} />}
      {a && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'kind', label: m.kind, children: m.kinds[a.kind] },
              { key: 'topic', label: m.topic, children: a.topic || '—' },
              { key: 'group', label: m.group, children: a.groupName },
              { key: 'place', label: m.place, children: a.place || '—' },
              { key: 'date', label: m.heldOn, children: a.heldOn ?? '—' },
              { key: 'member', label: m.member, children: a.memberName },
            ]}
          />
          {a.alreadyPresent ? (
            <Alert type="success" showIcon title={m.alreadySignedIn} />
          ) : (
            <>
              {a.migrant && (
                <Checkbox checked={remote} onChange={(e) => setRemote(e.target.checked)}>
                  {m.signInRemote}
                </Checkbox>
              )}
              {signIn.error && <ErrorAlert error={signIn.error} title={m.signInFailed} />}
              <Button
                type="primary"
                size="large"
                block
                loading={signIn.isPending}
                onClick={() => signIn.mutate({ token, ...(remote ? { remote: true } : {}) })}
                data-testid="sign-in-confirm"
              >
                {m.signInConfirm}
              </Button>
            </>
          )}
        </>
      )}
    </Card>
  );
}
