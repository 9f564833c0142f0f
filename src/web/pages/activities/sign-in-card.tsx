/**
 * QR sign-in on the leader's screen: open it for an activity held today and show the code (drawn by the server)
 * with its link; members scan it with their phones. Refresh reads the attendance again; close ends it at once.
 */
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { businessToday } from '../../auth/business-clock.ts';
import { ErrorAlert } from '../../components/query-state.tsx';
import { type ActivityDetail, type SignInWindow, useSignInWindow } from './activity-api.ts';
import type { ActivityMessages } from './activity-messages.ts';

export function SignInCard(props: {
  county: string;
  scope: string;
  activity: ActivityDetail;
  onRefresh(): void;
  m: ActivityMessages;
}) {
  const { activity, m } = props;
  const window = useSignInWindow(props.county, props.scope, activity.id);
  const [shown, setShown] = useState<SignInWindow | null>(null);
  if (activity.heldOn !== businessToday()) {
    return (
      <Card size="small" className="activity-section" title={m.signIn}>
        <Typography.Text type="secondary">{m.signInOnlyToday}</Typography.Text>
      </Card>
    );
  }
  const open = () => window.mutate({ open: true }, { onSuccess: setShown });
  const close = () => window.mutate({ open: false }, { onSuccess: () => setShown(null) });
  const until = shown?.until ?? activity.signInUntil;
  return (
    <Card size="small" className="activity-section" title={m.signIn}>
      {window.error && <ErrorAlert error={window.error} />}
      {shown?.qrSvg && shown.url ? (
        <>
          <img
            className="sign-in-qr"
            alt={m.signIn}
            data-testid="sign-in-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(shown.qrSvg)}`}
          />
          <Typography.Paragraph type="secondary">{m.signInHint}</Typography.Paragraph>
          <Typography.Paragraph className="sign-in-link">
            <a href={shown.url} data-testid="sign-in-link">
              {shown.url}
            </a>
          </Typography.Paragraph>
        </>
      ) : (
        until && <Alert type="info" title={m.signInOpenUntil(new Date(until).toLocaleTimeString())} />
      )}
      {shown?.until && (
        <Typography.Paragraph>{m.signInOpenUntil(new Date(shown.until).toLocaleTimeString())}</Typography.Paragraph>
      )}
      <Space wrap>
        <Button type="primary" onClick={open} loading={window.isPending} data-testid="open-sign-in">
          {m.openSignIn}
        </Button>
        {(shown || until) && <Button onClick={close}>{m.closeSignIn}</Button>}
        <Button onClick={props.onRefresh} data-testid="refresh-attendance">
          {m.refresh}
        </Button>
      </Space>
    </Card>
  );
}
