/**
 * What every create-or-edit page of a record shares: the title over a form for a new record or a loaded one,
 * and a form that sends every field when creating but only the changed ones when editing (saying so when nothing
 * changed), shows the server's problems under the fields, and opens the saved record with a "saved" notice.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Form, type FormInstance, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { changedFields } from './form-errors.ts';
import { QueryState } from './query-state.tsx';
import { SAVED_STATE } from './saved-notice.tsx';
import { useScopedHref } from './scoped-link.tsx';
import { useServerForm } from './use-server-form.ts';

type Values = Record<string, unknown>;

interface RecordFormOptions<R> {
  /** True when editing a loaded record. */
  editing: boolean;
  initial: Values;
  /** Form values → API body; `partial` for a patch (empties become null, not absent). */
  clean(values: Values, partial: boolean): Values;
  save(body: Values): Promise<R>;
  /** Where the saved record lives, e.g. `/members/12`. */
  pathOf(saved: R): string;
}

export function useRecordForm<R>({ editing, initial, clean, save, pathOf }: RecordFormOptions<R>) {
  const navigate = useNavigate();
  const href = useScopedHref();
  const [form] = Form.useForm<Values>();
  const server = useServerForm(form);
  const [unchanged, setUnchanged] = useState(false);
  const onFinish = async (values: Values) => {
    const body = clean(values, editing);
    const payload = editing ? changedFields(body, clean(initial, true)) : body;
    setUnchanged(editing && Object.keys(payload).length === 0);
    if (editing && Object.keys(payload).length === 0) return;
    const saved = await server.submit(() => save(payload));
    if (saved) navigate(href(pathOf(saved)), { state: SAVED_STATE });
  };
  return { form: form as FormInstance<Values>, server, unchanged, onFinish };
}

/** "Nothing changed" when so, then Save (busy while saving) and Cancel (back). */
export function RecordFormActions(props: { pending: boolean; unchanged: boolean; m: RecordFormMessages }) {
  const navigate = useNavigate();
  return (
    <>
      {props.unchanged && <Alert type="info" showIcon title={props.m.noChanges} className="form-problems" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={props.pending}>
          {props.m.save}
        </Button>
        <Button onClick={() => navigate(-1)}>{props.m.cancel}</Button>
      </Space>
    </>
  );
}

export interface RecordFormMessages {
  createTitle: string;
  editTitle(name: string): string;
  save: string;
  cancel: string;
  noChanges: string;
}

interface PageProps<R> {
  /** The record's id from the URL; 0 for a new one. */
  id: number;
  query: UseQueryResult<R>;
  m: RecordFormMessages;
  nameOf(record: R): string;
  children(record: R | undefined): ReactNode;
}

/** The page around a record form: the create title and an empty form, or the loaded record's title and form. */
export function RecordFormPage<R>({ id, query, m, nameOf, children }: PageProps<R>) {
  if (!id) {
    return (
      <>
        <Typography.Title level={2}>{m.createTitle}</Typography.Title>
        {children(undefined)}
      </>
    );
  }
  return (
    <QueryState query={query}>
      {(record) => (
        <>
          <Typography.Title level={2}>{m.editTitle(nameOf(record))}</Typography.Title>
          {children(record)}
        </>
      )}
    </QueryState>
  );
}
