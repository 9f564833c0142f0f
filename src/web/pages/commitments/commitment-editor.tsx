/**
 * The items editor of a commitment: 1–3 items, each with words, an optional household chosen among the member's
 * current pairings, and an optional due date. Proposing also names the member (fixed when known) and the year.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import { businessYear } from '../../auth/business-clock.ts';
import { dateAsText, openOnBusinessToday } from '../../components/date-field.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import type { CommitmentDetail, ItemInput } from './commitment-api.ts';
import { useChangeCommitment, usePairedHouseholds } from './commitment-api.ts';
import type { CommitmentMessages } from './commitment-messages.ts';
import { MemberPicker } from './member-picker.tsx';

type Item = { content?: string; householdId?: number | null; dueOn?: string | null };
type Values = { memberId?: number; year?: number; items: Item[] };

function toInputs(items: Item[]): ItemInput[] {
  return items.map((i) => ({
    content: i.content ?? '',
    ...(i.householdId ? { householdId: i.householdId } : {}),
    ...(i.dueOn ? { dueOn: i.dueOn } : {}),
  }));
}

function ItemFields({ m, memberId, county }: { m: CommitmentMessages; memberId?: number; county: string }) {
  const paired = usePairedHouseholds(county, memberId);
  const options = (paired.data?.households ?? []).map((h) => ({ value: h.householdId, label: h.headName }));
  const e = m.editor;
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              className="grid-section"
              title={`${m.items} ${i + 1}`}
              extra={
                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                  {e.removeItem}
                </Button>
              }
            >
              <Form.Item
                name={[field.name, 'content']}
                label={m.fields.content}
                rules={[{ required: true, whitespace: true, message: m.required }]}
              >
                <Input.TextArea
                  maxLength={200}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  data-testid={`item-content-${i}`}
                />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item
                  name={[field.name, 'householdId']}
                  label={m.fields.household}
                  extra={options.length ? e.householdHint : e.noPairings}
                >
                  <Select
                    allowClear
                    options={options}
                    className="commitment-household"
                    data-testid={`item-household-${i}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'dueOn']} label={m.fields.dueOn} {...dateAsText}>
                  <DatePicker {...openOnBusinessToday()} />
                </Form.Item>
              </Space>
            </Card>
          ))}
          {fields.length < 3 && (
            <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="item-add">
              {e.addItem}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

interface Props {
  county: string;
  m: CommitmentMessages;
  /** Editing this commitment; proposing a new one when absent. */
  commitment?: CommitmentDetail;
  /** The member to propose for, when known (from the member page, or the user's own member grant). */
  memberId?: number;
  onDone(saved: CommitmentDetail | null): void;
}

export function CommitmentEditor({ county, m, commitment, memberId, onDone }: Props) {
  const THIS_YEAR = businessYear(); // the server's business year (demo clock), not the device's
  const [form] = Form.useForm<Values>();
  const server = useServerForm(form);
  const change = useChangeCommitment(county, commitment?.id);
  const chosen = Form.useWatch('memberId', form) ?? commitment?.memberId ?? memberId;
  const initial: Values = commitment
    ? { items: commitment.items.map((i) => ({ content: i.content, householdId: i.householdId, dueOn: i.dueOn })) }
    : { memberId, year: THIS_YEAR, items: [{}] };
  const onFinish = async (v: Values) => {
    const items = toInputs(v.items ?? []);
    const saved = await server.submit(() =>
      commitment
        ? change.mutateAsync({ kind: 'edit', items })
        : change.mutateAsync({
            kind: 'propose',
            body: { memberId: v.memberId ?? 0, year: v.year ?? THIS_YEAR, items },
          }),
    );
    if (saved) onDone(saved);
  };
  const e = m.editor;
  return (
    <>
      <FormProblems error={server.error} unplaced={server.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        data-testid="commitment-editor"
      >
        {!commitment && (
          <Space wrap align="start">
            <Form.Item name="memberId" label={e.member} rules={[{ required: true, message: m.required }]}>
              <MemberPicker county={county} fixed={memberId} placeholder={e.memberSearch} />
            </Form.Item>
            <Form.Item name="year" label={e.year} rules={[{ required: true, message: m.required }]}>
              <Select
                options={[THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1].map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
          </Space>
        )}
        <p className="grid-hint">{e.itemsHint}</p>
        <ItemFields m={m} memberId={chosen} county={county} />
        <Space className="commitment-editor-actions">
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="commitment-submit">
            {commitment ? e.resubmit : e.submit}
          </Button>
          <Button onClick={() => onDone(null)}>{m.cancel}</Button>
        </Space>
      </Form>
    </>
  );
}
