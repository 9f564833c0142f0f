/**
 * The fields of the information card form. Required marks and length limits are read from the shared
 * MemberCreate schema; whether a value is acceptable is decided by the API (see form-errors.ts).
 */
import { Col, DatePicker, Form, type FormItemProps, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { MemberCreate, MemberUpdate } from '../../../shared/schemas/member.ts';
import { useDictionary } from '../../api/dictionary.ts';
import { dateAsText, untilBusinessToday } from '../../components/date-field.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { type SchemaHints, schemaHints } from '../../components/schema-hints.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import type { MemberCard } from './member-api.ts';
import { memberMessages } from './member-messages.ts';

// A new card needs the core fields; a change needs none of them (the asterisks follow the schema in use).
const CREATE = schemaHints(MemberCreate);
const UPDATE = schemaHints(MemberUpdate);

interface FieldProps extends Pick<FormItemProps, 'valuePropName' | 'getValueProps' | 'normalize'> {
  name: string;
  label: string;
  children: ReactNode;
  wide?: boolean;
  hints: SchemaHints;
}

function Field({ name, label, children, wide, hints, ...item }: FieldProps) {
  return (
    <Col xs={24} md={wide ? 24 : 12}>
      <Form.Item name={name} label={label} required={hints.required(name)} {...item}>
        {children}
      </Form.Item>
    </Col>
  );
}

/** `card` is the record being edited (masked ID number and phone become placeholders), absent when creating. */
export function MemberFormFields({ card }: { card: MemberCard | undefined }) {
  const m = useMessages(memberMessages);
  const { county } = useScope();
  const f = m.fields;
  const ethnicity = useDictionary('ethnicity').options;
  const education = useDictionary('education').options;
  const membership = useDictionary('membership').options;
  const expertise = useDictionary('expertise').options;
  const willingness = useDictionary('willingness').options;
  const health = useDictionary('health').options;
  const status = useDictionary('member_status').options;
  const hints = card ? UPDATE : CREATE;
  const masked = (value: string | null | undefined) => (card && value ? m.maskedKeep(value) : undefined);
  return (
    <Row gutter={16}>
      <Field hints={hints} name="name" label={f.name}>
        <Input maxLength={CREATE.maxLength('name')} />
      </Field>
      <Field hints={hints} name="sex" label={f.sex}>
        <Select allowClear options={['M', 'F'].map((v) => ({ value: v, label: m.sex[v] }))} />
      </Field>
      <Field hints={hints} name="idNumber" label={f.idNumber}>
        <Input placeholder={masked(card?.idNumber)} autoComplete="off" />
      </Field>
      <Field hints={hints} name="phone" label={f.phone}>
        <Input placeholder={masked(card?.phone)} inputMode="tel" autoComplete="off" />
      </Field>
      <Field hints={hints} name="ethnicity" label={f.ethnicity}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={ethnicity} />
      </Field>
      <Field hints={hints} name="education" label={f.education}>
        <Select options={education} />
      </Field>
      <Field hints={hints} name="joinDate" label={f.joinDate} {...dateAsText}>
        <DatePicker className="full-width" {...untilBusinessToday()} />
      </Field>
      <Field hints={hints} name="membership" label={f.membership}>
        <Select options={membership} />
      </Field>
      <Field hints={hints} name="branchName" label={f.branchName}>
        <Input maxLength={CREATE.maxLength('branchName')} />
      </Field>
      <Field hints={hints} name="naturalVillageCode" label={f.naturalVillageCode}>
        <OrgTreeSelect county={county} levels={['natural_village']} placeholder={m.pickPlace} />
      </Field>
      <Field hints={hints} name="post" label={f.post}>
        <Input />
      </Field>
      <Field hints={hints} name="workUnit" label={f.workUnit}>
        <Input />
      </Field>
      <Field hints={hints} name="publicPhone" label={f.publicPhone}>
        <Input inputMode="tel" autoComplete="off" />
      </Field>
      <Field hints={hints} name="expertise" label={f.expertise} wide>
        <Select mode="multiple" options={expertise} showSearch={{ optionFilterProp: 'label' }} />
      </Field>
      <Field hints={hints} name="willingness" label={f.willingness} wide>
        <Select mode="multiple" options={willingness} showSearch={{ optionFilterProp: 'label' }} />
      </Field>
      <Field hints={hints} name="interests" label={f.interests} wide>
        <Input maxLength={CREATE.maxLength('interests')} />
      </Field>
      <Field hints={hints} name="capacity" label={f.capacity}>
        <InputNumber min={0} max={2} precision={0} className="full-width" />
      </Field>
      <Field hints={hints} name="health" label={f.health}>
        <Select allowClear options={health} />
      </Field>
      <Field hints={hints} name="isMigrant" label={f.isMigrant} valuePropName="checked">
        <Switch />
      </Field>
      <Field hints={hints} name="status" label={f.status}>
        <Select options={status} />
      </Field>
      <Field hints={hints} name="note" label={f.note} wide>
        <Input.TextArea rows={3} maxLength={CREATE.maxLength('note')} showCount />
      </Field>
    </Row>
  );
}
