/**
 * The record's small edits, each a ServerFormDialog whose answer (the full record) replaces the cached one:
 * entering or correcting an income year, recording or changing a need, a decided status change (only the
 * transitions the server allows are offered) and removing a person (kept with date and reason).
 */
import { Alert, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { STATUS_TRANSITIONS } from '../../../shared/schemas/household.ts';
import { useDictionary } from '../../api/dictionary.ts';
import { businessToday, businessYear } from '../../auth/business-clock.ts';
import { ServerFormDialog } from '../../components/server-form-dialog.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import {
  type HouseholdDetail,
  type Person,
  useChangeStatus,
  useRemovePerson,
  useSaveIncome,
  useSaveNeed,
} from './household-api.ts';
import { householdEditMessages } from './household-edit-messages.ts';

type IncomeRow = HouseholdDetail['income'][number];
type Need = HouseholdDetail['needs'][number];
type Values = Record<string, unknown>;

const AMOUNTS = ['wage', 'production', 'property', 'dibao', 'wubao', 'pension', 'subsidy', 'productionCost'] as const;
// The server's business date (the demo clock may set it years back), not the device's.
const today = businessToday;
// Only the income year is checked here (it is part of the URL); every other rule and message is the server's.
/** Values without the empty ones: the API takes absent fields as "not given". */
const filled = (values: Values) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''));

interface Base {
  householdId: number;
  onClose(): void;
}

/** Enters a year (row absent) or corrects one; the year is fixed when correcting. */
export function IncomeDialog({ householdId, row, onClose }: Base & { row: IncomeRow | undefined }) {
  const m = useMessages(householdEditMessages);
  const { county } = useScope();
  const save = useSaveIncome(county, householdId);
  const initial: Values = row
    ? Object.fromEntries(['year', ...AMOUNTS].map((k) => [k, row[k as keyof IncomeRow]]))
    : { year: businessYear() - 1 };
  return (
    <ServerFormDialog
      title={row ? m.editIncome(row.year) : m.newIncome}
      m={m}
      initialValues={initial}
      pending={save.isPending}
      save={(values) => save.mutateAsync(filled(values) as Parameters<typeof save.mutateAsync>[0])}
      onClose={onClose}
      notice={<Alert type="info" showIcon title={m.incomeNote} className="form-problems" />}
      testId="income-dialog"
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="year" label={m.income.year} rules={[{ required: true }]}>
            <InputNumber min={2013} max={2100} precision={0} disabled={row !== undefined} className="full-width" />
          </Form.Item>
        </Col>
        {AMOUNTS.map((key) => (
          <Col xs={24} sm={12} key={key}>
            <Form.Item name={key} label={m.income[key]}>
              <InputNumber min={0} step={100} className="full-width" inputMode="decimal" />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} sm={12}>
          <Form.Item name="householdSize" label={m.income.householdSize}>
            <InputNumber min={1} max={30} precision={0} className="full-width" />
          </Form.Item>
        </Col>
      </Row>
    </ServerFormDialog>
  );
}

/** Records a need (need absent) or changes its detail and status. */
export function NeedDialog({ householdId, need, onClose }: Base & { need: Need | undefined }) {
  const m = useMessages(householdEditMessages);
  const { county } = useScope();
  const save = useSaveNeed(county, householdId, need?.id);
  const needs = useDictionary('need').options;
  const statuses = useDictionary('need_status').options;
  const initial: Values = need ? { detail: need.detail, status: need.status } : {};
  const send = (values: Values) => {
    const body = filled(values);
    // Only what changed: an unchanged status must not re-close a closed need.
    if (need && body.status === need.status) delete body.status;
    if (need && (body.detail ?? '') === need.detail) delete body.detail;
    return save.mutateAsync(body as Parameters<typeof save.mutateAsync>[0]);
  };
  return (
    <ServerFormDialog
      title={need ? m.editNeed : m.addNeed}
      m={m}
      initialValues={initial}
      pending={save.isPending}
      save={send}
      onClose={onClose}
      testId="need-dialog"
    >
      {(form) => (
        <>
          {!need && (
            <Form.Item name="need" label={m.need.need}>
              <Select options={needs} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          )}
          <Form.Item name="detail" label={m.need.detail}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          {need && (
            <Form.Item name="status" label={m.need.status}>
              <Select options={statuses} />
            </Form.Item>
          )}
          {need && (
            <Form.Item noStyle shouldUpdate>
              {() =>
                form.getFieldValue('status') !== 'open' && form.getFieldValue('status') !== need.status ? (
                  <Form.Item name="closedOn" label={m.need.closedOn}>
                    <Input type="date" max={today()} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          )}
          {!need && (
            <Form.Item name="raisedOn" label={m.need.raisedOn}>
              <Input type="date" max={today()} />
            </Form.Item>
          )}
        </>
      )}
    </ServerFormDialog>
  );
}

/** A decided status change: the allowed next statuses, the day it took effect and why. */
export function StatusDialog({ householdId, current, onClose }: Base & { current: string }) {
  const m = useMessages(householdEditMessages);
  const { county } = useScope();
  const save = useChangeStatus(county, householdId);
  const status = useDictionary('household_status');
  // 'exited' is reached only through the exit workflow (the 脱贫退出 panel), never by a direct change.
  const next = STATUS_TRANSITIONS[current as keyof typeof STATUS_TRANSITIONS] ?? [];
  const allowed = next.filter((code) => code !== 'exited');
  const viaWorkflow = next.length > allowed.length;
  return (
    <ServerFormDialog
      title={m.status.title(status.label(current))}
      m={m}
      initialValues={{ status: allowed[0], effectiveOn: today() }}
      pending={save.isPending}
      save={(values) => save.mutateAsync(values as Parameters<typeof save.mutateAsync>[0])}
      onClose={onClose}
      notice={
        <>
          {allowed.length === 0 && <Alert type="warning" showIcon title={m.status.none} />}
          {viaWorkflow && <Alert type="info" showIcon title={m.status.exitViaWorkflow} className="form-problems" />}
        </>
      }
      testId="status-dialog"
    >
      <Form.Item name="status" label={m.status.allowed}>
        <Select options={allowed.map((code) => ({ value: code, label: status.label(code) }))} />
      </Form.Item>
      <Form.Item name="effectiveOn" label={m.status.effectiveOn}>
        <Input type="date" max={today()} />
      </Form.Item>
      <Form.Item name="reason" label={m.status.reason}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </ServerFormDialog>
  );
}

/** Removing a person, confirmed by naming the date and reason. */
export function RemovePersonDialog({ householdId, person, onClose }: Base & { person: Person }) {
  const m = useMessages(householdEditMessages);
  const { county } = useScope();
  const save = useRemovePerson(county, householdId, person.id);
  const reasons = Object.entries(m.removal.reasons).map(([value, label]) => ({ value, label }));
  return (
    <ServerFormDialog
      title={m.removeTitle(person.name)}
      m={m}
      okText={m.removeOk}
      danger
      initialValues={{ removedOn: today() }}
      pending={save.isPending}
      save={(values) => save.mutateAsync(values as Parameters<typeof save.mutateAsync>[0])}
      onClose={onClose}
      notice={<Alert type="warning" showIcon title={m.removeNote} className="form-problems" />}
      testId="remove-person-dialog"
    >
      <Form.Item name="removedOn" label={m.removal.removedOn}>
        <Input type="date" max={today()} />
      </Form.Item>
      <Form.Item name="reason" label={m.removal.reason}>
        <Select options={reasons} />
      </Form.Item>
    </ServerFormDialog>
  );
}
