/** The group's activity centre (address, coordinates, opening notes), shown and edited in place. */

import { Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { FormProblems } from '../../components/form-problems.tsx';
import { allows } from '../../components/record-actions.ts';
import { useServerForm } from '../../components/use-server-form.ts';
import { type ActivityCentreBody, type PartyGroupDetail, useChangeGroup } from './party-group-api.ts';
import type { PartyGroupMessages } from './party-group-messages.ts';

type Messages = PartyGroupMessages['centre'];
type Values = { address: string; lat?: number | null; lng?: number | null; notes?: string };

function CentreForm({ county, group, m, required, onDone }: Props & { onDone(): void }) {
  const [form] = Form.useForm<Values>();
  const change = useChangeGroup(county, group.id);
  const server = useServerForm(form);
  const c = group.activityCentre;
  const onFinish = async (v: Values) => {
    const body: ActivityCentreBody = { address: v.address.trim(), notes: v.notes?.trim() ?? '' };
    if (typeof v.lat === 'number') body.lat = v.lat;
    if (typeof v.lng === 'number') body.lng = v.lng;
    if (await server.submit(() => change.mutateAsync({ kind: 'activityCentre', body }))) onDone();
  };
  return (
    <>
      <FormProblems error={server.error} unplaced={server.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ address: c.address, lat: c.lat, lng: c.lng, notes: c.notes }}
      >
        <Form.Item name="address" label={m.address} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="lat" label={m.lat}>
              <InputNumber min={3} max={54} step={0.000001} className="full-width" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="lng" label={m.lng}>
              <InputNumber min={73} max={136} step={0.000001} className="full-width" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={m.notes}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {m.save}
          </Button>
          <Button onClick={onDone}>{m.cancel}</Button>
        </Space>
      </Form>
    </>
  );
}

interface Props {
  county: string;
  group: PartyGroupDetail;
  m: Messages;
  required: string;
}

export function ActivityCentreCard(props: Props) {
  const { group, m } = props;
  const [editing, setEditing] = useState(false);
  const c = group.activityCentre;
  const live = group.retiredAt === null && allows(group, 'grid.write'); // a read-only role gets no write button
  return (
    <Card
      size="small"
      title={m.title}
      className="grid-section"
      data-testid="group-centre"
      extra={live && !editing && <Button onClick={() => setEditing(true)}>{m.edit}</Button>}
    >
      {editing ? (
        <CentreForm {...props} onDone={() => setEditing(false)} />
      ) : c.address ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={m.address}>{c.address}</Descriptions.Item>
          {c.lat !== null && c.lng !== null && (
            <Descriptions.Item label={`${m.lat} / ${m.lng}`}>
              {c.lat}, {c.lng}
            </Descriptions.Item>
          )}
          {c.notes && <Descriptions.Item label={m.notes}>{c.notes}</Descriptions.Item>}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{m.none}</Typography.Text>
      )}
    </Card>
  );
}
