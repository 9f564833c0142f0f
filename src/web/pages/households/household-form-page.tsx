/**
 * Register a household (/households/new: fields, conditions and its members, at least the head) or edit its own
 * fields (/households/:id/edit; members are corrected on the record page). Server problems show under fields.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Space } from 'antd';
import { useParams } from 'react-router';
import { businessYear } from '../../auth/business-clock.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { RecordFormActions, RecordFormPage, useRecordForm } from '../../components/record-form.tsx';
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
  const save = useSaveHousehold(county, record?.id);
  const thisYear = businessYear();
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
  const { form, server, unchanged, onFinish } = useRecordForm({
    editing: Boolean(record),
    initial,
    clean: cleanBody,
    save: (body) => save.mutateAsync(body as HouseholdCreateBody),
    pathOf: (saved) => `/households/${saved.id}`,
  });

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} scrollToFirstError>
      <FormProblems error={server.error} unplaced={server.unplaced} />
      <Space orientation="vertical" size={16} className="full-width">
        <HouseholdFields record={record} />
        <ConditionFields />
        {!record && <PersonsList />}
        <RecordFormActions pending={save.isPending} unchanged={unchanged} m={m} />
      </Space>
    </Form>
  );
}

export default function HouseholdFormPage() {
  const m = useMessages(householdFormMessages);
  const { county } = useScope();
  const id = Number(useParams().id ?? 0);
  const household = useHousehold(county, id);
  return (
    <RecordFormPage id={id} query={household} m={m} nameOf={(r) => r.headName}>
      {(record) => <HouseholdForm record={record} />}
    </RecordFormPage>
  );
}
