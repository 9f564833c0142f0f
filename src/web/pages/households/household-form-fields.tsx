/**
 * The household's own fields and conditions for the create and edit forms. Required marks come from the
 * shared HouseholdCreate schema; the API checks the values (and the registry rules) and its messages show here.
 */
import { Card, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { HouseholdCreate, HouseholdPatch } from '../../../shared/schemas/household.ts';
import { useDictionary } from '../../api/dictionary.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { type SchemaHints, schemaHints } from '../../components/schema-hints.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import type { HouseholdDetail } from './household-api.ts';
import { householdFormMessages } from './household-form-messages.ts';
import { householdMessages } from './household-messages.ts';

// A new household needs its core fields; a change needs none (the asterisks follow the schema in use).
const CREATE = schemaHints(HouseholdCreate);
const PATCH = schemaHints(HouseholdPatch);

interface FieldProps {
  name: string;
  label: string;
  children: ReactNode;
  hints: SchemaHints;
  isSwitch?: boolean;
  extra?: string;
}

function Field(props: FieldProps) {
  return (
    <Col xs={24} sm={12} lg={8}>
      <Form.Item
        name={props.name}
        label={props.label}
        required={props.hints.required(props.name)}
        valuePropName={props.isSwitch ? 'checked' : undefined}
        extra={props.extra}
      >
        {props.children}
      </Form.Item>
    </Col>
  );
}

const number = (max: number) => <InputNumber min={0} max={max} className="full-width" />;

export function HouseholdFields({ record }: { record: HouseholdDetail | undefined }) {
  const m = useMessages(householdMessages);
  const fm = useMessages(householdFormMessages);
  const { county } = useScope();
  const f = m.fields;
  const standard = useDictionary('standard').options;
  const attribute = useDictionary('attribute').options;
  const cause = useDictionary('cause').options;
  const hints = record ? PATCH : CREATE;
  const masked = (v: string | null | undefined) => (record && v ? fm.maskedKeep(v) : undefined);
  return (
    <Card title={fm.householdSection} size="small" className="form-section">
      <Row gutter={12}>
        <Field hints={hints} name="registryNo" label={f.registryNo}>
          <Input />
        </Field>
        <Field hints={hints} name="naturalVillageCode" label={f.naturalVillageCode}>
          <OrgTreeSelect county={county} levels={['natural_village']} placeholder={fm.pickPlace} />
        </Field>
        <Field hints={hints} name="address" label={f.address}>
          <Input maxLength={CREATE.maxLength('address')} />
        </Field>
        <Field hints={hints} name="phone" label={f.phone}>
          <Input inputMode="tel" placeholder={masked(record?.phone)} autoComplete="off" />
        </Field>
        <Field hints={hints} name="bankName" label={f.bankName}>
          <Input />
        </Field>
        <Field hints={hints} name="bankAccount" label={f.bankAccount}>
          <Input inputMode="numeric" placeholder={masked(record?.bankAccount)} autoComplete="off" />
        </Field>
        <Field hints={hints} name="standard" label={f.standard}>
          <Select options={standard} />
        </Field>
        <Field hints={hints} name="attribute" label={f.attribute}>
          <Select options={attribute} />
        </Field>
        <Field hints={hints} name="mainCause" label={f.mainCause}>
          <Select options={cause} />
        </Field>
        <Field hints={hints} name="otherCauses" label={f.otherCauses}>
          <Select mode="multiple" options={cause} showSearch={{ optionFilterProp: 'label' }} />
        </Field>
        <Field hints={hints} name="identifiedYear" label={f.identifiedYear}>
          <InputNumber min={2013} max={2100} precision={0} className="full-width" />
        </Field>
        <Field hints={hints} name="plannedExitYear" label={f.plannedExitYear}>
          <InputNumber min={2013} max={2100} precision={0} className="full-width" />
        </Field>
      </Row>
    </Card>
  );
}

export function ConditionFields() {
  const hints = PATCH; // no condition is required, on create or edit
  const m = useMessages(householdMessages);
  const fm = useMessages(householdFormMessages);
  const f = m.fields;
  const structure = useDictionary('housing_structure').options;
  const grades = ['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }));
  return (
    <Card title={fm.conditionsSection} size="small" className="form-section">
      <Row gutter={12}>
        <Field hints={hints} name="farmlandMu" label={f.farmlandMu}>
          {number(100_000)}
        </Field>
        <Field hints={hints} name="forestMu" label={f.forestMu}>
          {number(100_000)}
        </Field>
        <Field hints={hints} name="roadDistanceKm" label={f.roadDistanceKm}>
          {number(100_000)}
        </Field>
        <Field hints={hints} name="housingArea" label={f.housingArea}>
          {number(100_000)}
        </Field>
        <Field hints={hints} name="housingStructure" label={f.housingStructure}>
          <Select allowClear options={structure} />
        </Field>
        <Field hints={hints} name="housingGrade" label={f.housingGrade} extra={fm.gradeHint}>
          <Select allowClear options={grades} />
        </Field>
        {(['hasPower', 'safeWater', 'hasToilet', 'inCooperative', 'foodClothingSecure'] as const).map((name) => (
          <Field key={name} hints={hints} name={name} label={f[name]} isSwitch>
            <Switch />
          </Field>
        ))}
      </Row>
    </Card>
  );
}
