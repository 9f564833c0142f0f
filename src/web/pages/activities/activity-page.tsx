/**
 * /activities/:id — one activity: what, when, where, topic and minutes; for whoever runs the group's activities
 * the steps its status allows (hold with the held date, topic and minutes; cancel with a reason), QR sign-in on
 * the day it is held, attendance marking and photos.
 */
import { Button, Card, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { businessToday } from '../../auth/business-clock.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { encodePhoto } from '../help/photo-encode.ts';
import { type ActivityDetail, photoSrc, useActivity, useChangeActivity } from './activity-api.ts';
import { StatusTag } from './activity-columns.tsx';
import { type ActivityMessages, activityMessages } from './activity-messages.ts';
import { AttendanceCard } from './attendance-card.tsx';
import { SignInCard } from './sign-in-card.tsx';
import './activities.css';

type Step = 'hold' | 'cancel' | null;

function StepDialog(props: {
  step: 'hold' | 'cancel';
  activity: ActivityDetail;
  county: string;
  scope: string;
  m: ActivityMessages;
  onClose(): void;
}) {
  const { m, activity } = props;
  const save = useChangeActivity(props.county, props.scope, activity.id);
  const [form] = Form.useForm();
  const hold = props.step === 'hold';
  const submit = (values: Record<string, string>) =>
    save.mutate(
      hold
        ? {
            kind: 'hold',
            body: {
              heldOn: values.heldOn ?? '',
              topic: values.topic ?? '',
              content: values.content,
              place: values.place,
            },
          }
        : { kind: 'cancel', body: { reason: values.reason ?? '' } },
      { onSuccess: props.onClose },
    );
  return (
    <Modal
      open
      title={hold ? m.holdTitle : m.cancelActivity}
      okText={m.create}
      cancelText={m.cancel}
      okButtonProps={{ loading: save.isPending, danger: !hold }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <FormProblems error={save.error} unplaced={[]} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          heldOn: businessToday(),
          topic: activity.topic,
          place: activity.place || activity.activityAddress,
        }}
      >
        {hold ? (
          <>
            <Form.Item name="heldOn" label={m.heldOn} rules={[{ required: true, message: m.required }]}>
              <Input type="date" max={businessToday()} />
            </Form.Item>
            <Form.Item name="topic" label={m.topic} rules={[{ required: true, whitespace: true, message: m.required }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="place" label={m.place}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="content" label={m.content}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={m.cancelReason}
            rules={[{ required: true, whitespace: true, message: m.required }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function Photos(props: { county: string; scope: string; activity: ActivityDetail; m: ActivityMessages }) {
  const { activity, m } = props;
  const save = useChangeActivity(props.county, props.scope, activity.id);
  const upload = async (file: File | undefined) => {
    const photo = file ? await encodePhoto(file) : null;
    if (photo) save.mutate({ kind: 'photo', body: photo });
  };
  if (activity.photos.length === 0 && !activity.canWrite) return null;
  return (
    <Card size="small" className="activity-section" title={m.photos}>
      <Space wrap className="photo-strip">
        {activity.photos.map((p) => (
          <a
            key={p.id}
            href={photoSrc(props.county, props.scope, activity.id, p.id, false)}
            target="_blank"
            rel="noreferrer"
          >
            <img alt={m.photos} src={photoSrc(props.county, props.scope, activity.id, p.id, true)} />
          </a>
        ))}
      </Space>
      {activity.canWrite && activity.status !== 'cancelled' && (
        <div>
          <FormProblems error={save.error} unplaced={[]} />
          <input
            type="file"
            accept="image/*"
            aria-label={m.addPhoto}
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </div>
      )}
    </Card>
  );
}

function ActivityView({
  county,
  scope,
  activity,
  refetch,
}: {
  county: string;
  scope: string;
  activity: ActivityDetail;
  refetch(): void;
}) {
  const m = useMessages(activityMessages);
  const [step, setStep] = useState<Step>(null);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>
          {m.kinds[activity.kind]} <StatusTag status={activity.status} m={m} />
        </Typography.Title>
        <ScopedLink to={`/activities?groupId=${activity.groupId}`}>
          <Button>{m.back}</Button>
        </ScopedLink>
      </div>
      <Card size="small" className="activity-section">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            {
              key: 'group',
              label: m.group,
              children: <ScopedLink to={`/activities?groupId=${activity.groupId}`}>{activity.groupName}</ScopedLink>,
            },
            { key: 'planned', label: m.plannedOn, children: activity.plannedOn ?? '—' },
            { key: 'held', label: m.heldOn, children: activity.heldOn ?? '—' },
            { key: 'place', label: m.place, children: activity.place || '—' },
            { key: 'topic', label: m.topic, children: activity.topic || '—' },
            { key: 'content', label: m.content, children: activity.content || '—' },
            ...(activity.cancelReason
              ? [{ key: 'cancel', label: m.cancelReason, children: activity.cancelReason }]
              : []),
          ]}
        />
        {activity.canWrite && activity.status === 'planned' && (
          <Space wrap>
            <Button type="primary" onClick={() => setStep('hold')} data-testid="hold-activity">
              {m.hold}
            </Button>
            <Button danger onClick={() => setStep('cancel')}>
              {m.cancelActivity}
            </Button>
          </Space>
        )}
      </Card>
      {activity.status === 'held' && activity.canWrite && (
        <SignInCard county={county} scope={scope} activity={activity} onRefresh={refetch} m={m} />
      )}
      {activity.status === 'held' && <AttendanceCard county={county} scope={scope} activity={activity} m={m} />}
      <Photos county={county} scope={scope} activity={activity} m={m} />
      {step && (
        <StepDialog step={step} activity={activity} county={county} scope={scope} m={m} onClose={() => setStep(null)} />
      )}
    </>
  );
}

export default function ActivityPage() {
  const { county, scope } = useScope();
  const id = Number(useParams().id);
  const activity = useActivity(county, scope, id);
  return (
    <QueryState query={activity}>
      {(data) => <ActivityView county={county} scope={scope} activity={data} refetch={() => void activity.refetch()} />}
    </QueryState>
  );
}
