/**
 * Register a household (/households/new: fields, conditions and its members, at least the head) or edit its own
 * fields (/households/:id/edit; members are corrected on the record page). Server problems show under fields.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { changedFields } from '../../components/form-errors.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SAVED_STATE } from '../../components/saved-notice.tsx';
import { useScopedHref } from '../../components/scoped-link.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type HouseholdCreateBody, type HouseholdDetail, useHousehold, useSaveHousehold } from './household-api.ts';
import { ConditionFields, HouseholdFields } from './household-form-fields.tsx';
import { householdFormMessages } from './household-form-messages.ts';
import { NEW_PERSON, PersonFields } from './person-fields.tsx';

type Values = Record<string, unknown>;

// Phone and bank account are masked on the record, so they start blank and blank keeps them (never sent).
// Clearable fields send null when emptied.
const CLEARABLE = ['bankName', 'plannedExitYear', 'farmlandMu', 'forestMu', 'roadDistanceKm', 'housingArea'];
const CLEARABLE_CODES = ['housingStructure', 'housingGrade'];
const EDITABLE = [
  ...['registryNo', 'naturalVillageCode', 'address', 'standard', 'attribute', 'mainCause', 'otherCauses'],
  ...['identifiedYear', 'hasPower', 'safeWater', 'hasToilet', 'inCooperative', 'foodClothingSecure'],
  ...CLEARABLE,
  ...CLEARABLE_CODES,
] as (keyof HouseholdDetail)[];

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Blank values: omitted on create; on edit null for clearable fields, kept for masked ones. */
function cleanBody(values: Values, editing: boolean): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'persons' && Array.isArray(value)) out.persons = value.map((p) => cleanBody(p as Values, false));
    else if (!isBlank(value)) out[key] = value;
    else if (editing && [...CLEARABLE, ...CLEARABLE_CODES].includes(key)) out[key] = null;
    else if (editing && key === 'address') out[key] = '';
  }
  return out;
}

function PersonsList() {
  const m = useMessages(householdFormMessages);
  return (
    <Card title={m.personsSection} size="small" className="form-section">
      <Form.List name="persons">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <div key={field.key} className="person-row">
                <PersonFields prefix={[field.name]} />
                {fields.length > 1 && (
                  <Button type="link" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                    {m.removeRow}
                  </Button>
                )}
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_PERSON, relation: 'child' })}>
              {m.addPerson}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

function HouseholdForm({ record }: { record: HouseholdDetail | undefined }) {
  const m = useMessages(householdFormMessages);
  const { county, scope } = useScope();
  const navigate = useNavigate();
  const href = useScopedHref();
  const [form] = Form.useForm<Values>();
  const save = useSaveHousehold(county, record?.id);
  const server = useServerForm(form);
  const [unchanged, setUnchanged] = useState(false);
  const thisYear = new Date().getFullYear();
  const initial: Values = record
    ? Object.fromEntries(EDITABLE.map((k) => [k, record[k]]))
    : {
        standard: 'national',
        attribute: 'general',
        identifiedYear: thisYear,
        otherCauses: [],
        ...{ hasPower: true, safeWater: true, hasToilet: false, inCooperative: false, foodClothingSecure: true },
        naturalVillageCode: scope.length === 15 ? scope : undefined,
        persons: [{ ...NEW_PERSON, relation: 'head' }],
      };

  const onFinish = async (values: Values) => {
    const body = cleanBody(values, Boolean(record));
    const payload = record ? changedFields(body, cleanBody(initial, true)) : body;
    setUnchanged(Boolean(record) && Object.keys(payload).length === 0);
    if (record && Object.keys(payload).length === 0) return;
    const saved = await server.submit(() => save.mutateAsync(payload as HouseholdCreateBody));
    if (saved) navigate(href(`/households/${saved.id}`), { state: SAVED_STATE });
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError>
      <FormProblems error={server.error} unplaced={server.unplaced} />
      <Space orientation="vertical" size={16} className="full-width">
        <HouseholdFields record={record} />
        <ConditionFields />
        {!record && <PersonsList />}
        {unchanged && <Alert type="info" showIcon title={m.noChanges} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {m.save}
          </Button>
          <Button onClick={() => navigate(-1)}>{m.cancel}</Button>
        </Space>
      </Space>
    </Form>
  );
}

export default function HouseholdFormPage() {
  const m = useMessages(householdFormMessages);
  const { county } = useScope();
  const id = Number(useParams().id ?? 0);
  const household = useHousehold(county, id);
  if (!id) {
    return (
      <>
        <Typography.Title level={2}>{m.createTitle}</Typography.Title>
        <HouseholdForm record={undefined} />
      </>
    );
  }
  return (
    <QueryState query={household}>
      {(record) => (
        <>
          <Typography.Title level={2}>{m.editTitle(record.headName)}</Typography.Title>
          <HouseholdForm record={record} />
        </>
      )}
    </QueryState>
  );
}
