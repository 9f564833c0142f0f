/**
 * One manual edit of a grid in a dialog: the fields, a confirmation saying what will happen, then the request;
 * the server's problems (422 rule breaks, 409 conflicts) show in the dialog, under the field when they name one.
 */
import { Button, Form, Modal, Popconfirm, Space, Typography } from 'antd';
import { FormProblems } from '../../components/form-problems.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import type { GridDetail, GridEdit, GridEditResult } from './grid-api.ts';
import { useGridEdit } from './grid-api.ts';
import { type EditKind, GridEditFields } from './grid-edit-fields.tsx';
import type { GridMessages } from './grid-messages.ts';

interface Props {
  county: string;
  grid: GridDetail;
  kind: EditKind;
  title: string;
  m: GridMessages['edits'];
  onClose(): void;
  onDone(result: GridEditResult): void;
}

type Values = Record<string, unknown>;

function toEdit(kind: EditKind, v: Values): GridEdit {
  const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string).trim() : undefined);
  switch (kind) {
    case 'rename':
      return { kind, name: text('name') ?? '' };
    case 'member':
      return { kind, memberId: Number(v.memberId), reason: text('reason') ?? '' };
    case 'naturalVillage':
      return { kind, code: String(v.code), reason: text('reason') };
    case 'merge':
      return { kind, otherGridId: Number(v.otherGridId) };
    case 'split':
      return { kind, naturalVillages: v.naturalVillages as string[], name: text('name') };
  }
}

export function GridEditDialog({ county, grid, kind, title, m, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const edit = useGridEdit(county, grid.id);
  const server = useServerForm(form);

  const onFinish = async (values: Values) => {
    const result = await server.submit(() => edit.mutateAsync(toEdit(kind, values)));
    if (result) onDone(result);
  };
  const footer = (
    <Space>
      <Button onClick={onClose}>{m.cancel}</Button>
      <Popconfirm
        title={m.confirmTitle}
        description={<div className="grid-confirm">{m.confirm[kind]}</div>}
        okText={m.ok}
        cancelText={m.cancel}
        onConfirm={() => form.submit()}
      >
        <Button type="primary" loading={edit.isPending} data-testid="grid-edit-submit">
          {m.ok}
        </Button>
      </Popconfirm>
    </Space>
  );
  return (
    <Modal open title={`${title}：${grid.name}`} onCancel={onClose} footer={footer} destroyOnHidden>
      <Typography.Paragraph type="secondary">{m.confirm[kind]}</Typography.Paragraph>
      <FormProblems error={server.error} unplaced={server.unplaced} />
      <Form
        form={form}
        layout="vertical"
        initialValues={kind === 'rename' ? { name: grid.name } : {}}
        onFinish={onFinish}
        preserve={false}
      >
        <GridEditFields kind={kind} county={county} grid={grid} m={m} />
      </Form>
    </Modal>
  );
}
