/** The group's two instructors (township cadre, village cadre): who, since when, set or replace, past ones. */

import { Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormProblems } from '../../components/form-problems.tsx';
import { allows } from '../../components/record-actions.ts';
import { useServerForm } from '../../components/use-server-form.ts';
import { type InstructorBody, type InstructorLevel, type PartyGroupDetail, useChangeGroup } from './party-group-api.ts';
import type { PartyGroupMessages } from './party-group-messages.ts';

type Messages = PartyGroupMessages['instructors'];
const LEVELS: InstructorLevel[] = ['township', 'village'];

function InstructorDialog(props: {
  county: string;
  group: PartyGroupDetail;
  level: InstructorLevel;
  m: Messages;
  required: string;
  onClose(): void;
}) {
  const { county, group, level, m } = props;
  const [form] = Form.useForm<InstructorBody>();
  const change = useChangeGroup(county, group.id);
  const server = useServerForm(form);
  const rule = [{ required: true, whitespace: true, message: props.required }];
  const onFinish = async (v: InstructorBody) => {
    const body: InstructorBody = { name: v.name.trim(), post: v.post.trim() };
    if (v.phone) body.phone = v.phone.trim();
    if (v.memberId) body.memberId = v.memberId;
    if (await server.submit(() => change.mutateAsync({ kind: 'instructor', level, body }))) props.onClose();
  };
  return (
    <Modal
      open
      title={`${group.instructors[level] ? m.replace : m.set}：${m[level]}`}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <FormProblems error={server.error} unplaced={server.unplaced} />
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ post: m[level] }}>
        <Form.Item name="name" label={m.name} rules={rule}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="post" label={m.post} rules={rule}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={m.phone}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="memberId" label={m.memberId}>
          <InputNumber min={1} className="full-width" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function InstructorsCard({
  county,
  group,
  m,
  required,
}: {
  county: string;
  group: PartyGroupDetail;
  m: Messages;
  required: string;
}) {
  const [editing, setEditing] = useState<InstructorLevel | null>(null);
  const live = group.retiredAt === null && allows(group, 'grid.write'); // a read-only role gets no write button
  const past = group.instructorHistory.filter((i) => i.endedOn !== null);
  return (
    <Card size="small" title={m.title} className="grid-section" data-testid="group-instructors">
      <Row gutter={[12, 12]}>
        {LEVELS.map((level) => {
          const who = group.instructors[level];
          return (
            <Col key={level} xs={24} md={12}>
              <Descriptions size="small" column={1} title={m[level]}>
                <Descriptions.Item label={m.name}>
                  {who ? who.name : <Tag color="orange">{m.none}</Tag>}
                </Descriptions.Item>
                {who && <Descriptions.Item label={m.post}>{who.post}</Descriptions.Item>}
                {who && <Descriptions.Item label={m.phone}>{who.phone ?? '—'}</Descriptions.Item>}
                {who && <Descriptions.Item label="">{m.since(who.startedOn)}</Descriptions.Item>}
              </Descriptions>
              {live && (
                <Button size="small" onClick={() => setEditing(level)} data-testid={`instructor-${level}`}>
                  {who ? m.replace : m.set}
                </Button>
              )}
            </Col>
          );
        })}
      </Row>
      {past.length > 0 && (
        <Typography.Paragraph type="secondary" className="list-card-line">
          {m.history}：{past.map((i) => `${m[i.level]} ${i.name}（${i.startedOn} – ${i.endedOn}）`).join('；')}
        </Typography.Paragraph>
      )}
      {editing && (
        <InstructorDialog
          county={county}
          group={group}
          level={editing}
          m={m}
          required={required}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
