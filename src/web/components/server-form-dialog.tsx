/**
 * A form in a dialog that saves to the API: OK submits, the server's field problems show under the fields (others
 * and the message above the form, with the request ID), the dialog closes once the save succeeded. Every small
 * edit of a record (a person, an income year, a need, a status change, a removal) is one of these.
 */
import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { FormProblems } from './form-problems.tsx';
import { useServerForm } from './use-server-form.ts';

type Values = Record<string, unknown>;

interface Props<V extends Values> {
  title: ReactNode;
  /** The buttons' words; `okText` replaces "save" (e.g. "remove"). */
  m: { save: string; cancel: string };
  okText?: string;
  /** A red OK button, for removals. */
  danger?: boolean;
  initialValues: Partial<V>;
  /** Sends the values; resolves to something truthy once saved (a rejection's problems are shown). */
  save(values: V): Promise<unknown>;
  pending: boolean;
  onClose(): void;
  /** Above the fields, e.g. a note on what the save will do. */
  notice?: ReactNode;
  /** Server field path → form field, where they differ. */
  aliases?: Record<string, string>;
  width?: number;
  testId?: string;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

export function ServerFormDialog<V extends Values>(props: Props<V>) {
  const { title, m, danger, initialValues, save, pending, onClose, notice, aliases } = props;
  const [form] = Form.useForm<V>();
  const server = useServerForm(form, aliases);
  const onFinish = async (values: V) => {
    if (await server.submit(() => save(values))) onClose();
  };
  return (
    <Modal
      open
      title={title}
      okText={props.okText ?? m.save}
      cancelText={m.cancel}
      okButtonProps={{ danger, ...(props.testId ? { 'data-testid': `${props.testId}-ok` } : {}) }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={props.width ?? 560}
      destroyOnHidden
    >
      <FormProblems error={server.error} unplaced={server.unplaced} />
      {notice}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        preserve={false}
        data-testid={props.testId}
      >
        {typeof props.children === 'function' ? props.children(form) : props.children}
      </Form>
    </Modal>
  );
}
