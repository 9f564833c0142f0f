/**
 * The fields of one household member, under a name prefix so the same fields serve the add/correct dialog
 * (prefix []) and each row of the new-household form (prefix ['persons', i]). Required marks come from the
 * shared PersonInput schema; the API decides what is valid.
 */
import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { PersonInput } from '../../../shared/schemas/household.ts';
import { useDictionary } from '../../api/dictionary.ts';
import { schemaHints } from '../../components/schema-hints.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { householdFormMessages } from './household-form-messages.ts';

const hints = schemaHints(PersonInput);
type Prefix = (string | number)[];

function Field(props: { prefix: Prefix; name: string; label: string; children: ReactNode; switch?: boolean }) {
  return (
    <Col xs={24} sm={12} lg={8}>
      <Form.Item
        name={[...props.prefix, props.name]}
        label={props.label}
        required={hints.required(props.name)}
        valuePropName={props.switch ? 'checked' : undefined}
      >
        {props.children}
      </Form.Item>
    </Col>
  );
}

/** `maskedId` is the current (masked) ID number when correcting a person: blank keeps it. */
export function PersonFields({ prefix, maskedId }: { prefix: Prefix; maskedId?: string }) {
  const m = useMessages(householdFormMessages);
  const p = m.person;
  const relation = useDictionary('relation').options;
  const ethnicity = useDictionary('ethnicity').options;
  const education = useDictionary('education').options;
  const school = useDictionary('school_status').options;
  const health = useDictionary('health').options;
  const labour = useDictionary('labour').options;
  const field = (name: string, label: string, input: ReactNode, isSwitch = false) => (
    <Field prefix={prefix} name={name} label={label} switch={isSwitch}>
      {input}
    </Field>
  );
  return (
    <Row gutter={12}>
      {field('name', p.name, <Input maxLength={hints.maxLength('name')} />)}
      {field('idNumber', p.idNumber, <Input placeholder={maskedId && m.maskedKeep(maskedId)} autoComplete="off" />)}
      {field('relation', p.relation, <Select options={relation} />)}
      {field('sex', p.sex, <Select allowClear options={['M', 'F'].map((v) => ({ value: v, label: m.sex[v] }))} />)}
      {field('ethnicity', p.ethnicity, <Select options={ethnicity} showSearch={{ optionFilterProp: 'label' }} />)}
      {field('education', p.education, <Select options={education} />)}
      {field('schoolStatus', p.schoolStatus, <Select options={school} />)}
      {field('health', p.health, <Select options={health} />)}
      {field('labour', p.labour, <Select options={labour} />)}
      {field('monthsWorked', p.monthsWorked, <InputNumber min={0} max={12} precision={0} className="full-width" />)}
      {field('hasMedicalInsurance', p.hasMedicalInsurance, <Switch />, true)}
      {field('hasPensionInsurance', p.hasPensionInsurance, <Switch />, true)}
    </Row>
  );
}

/** Defaults of a new person: the common case in the registry, so a clerk changes only what differs. */
export const NEW_PERSON = {
  ethnicity: 'han',
  schoolStatus: 'none',
  health: 'healthy',
  labour: 'ordinary',
  monthsWorked: 0,
  hasMedicalInsurance: true,
  hasPensionInsurance: false,
};
