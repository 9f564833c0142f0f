/**
 * Dialogs on one current pairing: edit its help measures, hand the household over to a successor, and end a
 * pairing kept after the household's exit.
 */
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { HANDOVER_REASONS } from '../../../shared/schemas/pairing.ts';
import { businessToday } from '../../auth/business-clock.ts';
import { dateAsText } from '../../components/date-field.ts';
import { ServerFormDialog } from '../../components/server-form-dialog.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { useHousehold } from '../households/household-api.ts';
import { type HandoverInput, type PairingItem, useEndPairing, useHandOver, useUpdateMeasures } from './pairing-api.ts';
import { pairingMessages } from './pairing-messages.ts';
import { SuccessorPicker } from './successor-picker.tsx';

interface Props {
  row: PairingItem;
  onClose(): void;
}

export function MeasuresDialog({ row, onClose }: Props) {
  const m = useMessages(pairingMessages);
  const { county } = useScope();
  const save = useUpdateMeasures(county, row.id);
  return (
    <ServerFormDialog<{ measures: string }>
      title={m.measuresTitle(row.member.name, row.household.headName)}
      m={m}
      initialValues={{ measures: row.measures }}
      pending={save.isPending}
      save={({ measures }) => save.mutateAsync((measures ?? '').trim())}
      onClose={onClose}
      testId="measures-dialog"
    >
      <Form.Item name="measures" label={m.fields.measures}>
        <Input.TextArea maxLength={500} rows={4} showCount placeholder={m.measuresPlaceholder} />
      </Form.Item>
    </ServerFormDialog>
  );
}

type HandoverValues = HandoverInput;

export function HandoverDialog({ row, onClose }: Props) {
  const m = useMessages(pairingMessages);
  const { county } = useScope();
  const handOver = useHandOver(county, row.id);
  // The household's place bounds the successor search (same village, or township).
  const household = useHousehold(county, row.household.id);
  const required = [{ required: true, message: m.required }];
  return (
    <ServerFormDialog<HandoverValues>
      title={m.handoverTitle(row.household.headName)}
      m={m}
      okText={m.handOver}
      notice={<p className="pairing-muted">{m.handoverNotice}</p>}
      initialValues={{ on: businessToday(), note: '' }}
      pending={handOver.isPending}
      save={(v) => handOver.mutateAsync({ ...v, note: (v.note ?? '').trim() })}
      onClose={onClose}
      testId="handover-dialog"
    >
      {household.data && (
        <SuccessorPicker
          county={county}
          naturalVillageCode={household.data.naturalVillageCode}
          currentMemberId={row.member.id}
          m={m}
        />
      )}
      <Form.Item name="on" label={m.handoverOn} rules={required} {...dateAsText}>
        <DatePicker
          disabledDate={(d) => d.isAfter(dayjs(businessToday()), 'day') || d.isBefore(dayjs(row.startedOn), 'day')}
        />
      </Form.Item>
      <Form.Item name="reason" label={m.handoverReason} rules={required}>
        <Select
          data-testid="handover-reason"
          options={HANDOVER_REASONS.map((r) => ({ value: r, label: m.endReasons[r] ?? r }))}
        />
      </Form.Item>
      <Form.Item name="note" label={m.handoverNote}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </ServerFormDialog>
  );
}

export function EndPairingDialog({ row, onClose }: Props) {
  const m = useMessages(pairingMessages);
  const { county } = useScope();
  const end = useEndPairing(county, row.id);
  return (
    <ServerFormDialog<{ on: string }>
      title={m.endTitle(row.household.headName)}
      m={m}
      okText={m.endPairing}
      notice={<p className="pairing-muted">{m.endNotice}</p>}
      initialValues={{ on: businessToday() }}
      pending={end.isPending}
      save={(v) => end.mutateAsync(v)}
      onClose={onClose}
      testId="end-pairing-dialog"
    >
      <Form.Item name="on" label={m.endOn} rules={[{ required: true, message: m.required }]} {...dateAsText}>
        <DatePicker
          disabledDate={(d) => d.isAfter(dayjs(businessToday()), 'day') || d.isBefore(dayjs(row.startedOn), 'day')}
        />
      </Form.Item>
    </ServerFormDialog>
  );
}
