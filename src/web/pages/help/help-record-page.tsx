/**
 * The phone-first help form (帮扶纪实). Saving never needs signal: the record goes to the device's queue
 * (IndexedDB) with a client uuid and is sent from there when online; the panel above shows what waits.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, message, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDictionary } from '../../api/dictionary.ts';
import { useMe } from '../../auth/session.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { chinaToday, type HouseholdChoice, helpQueries, newClientId, ownMemberId, useHelpChoices } from './help-api.ts';
import { HouseholdPicker, MemberPicker, NeedPicker } from './help-form-fields.tsx';
import { helpMessages } from './help-messages.ts';
import type { QueuedPhoto, QueuedRecord } from './offline-store.ts';
import { PhotoField } from './photo-field.tsx';
import { type Position, PositionField } from './position-field.tsx';
import { QueuePanel } from './queue-panel.tsx';
import { type SaveOutcome, useHelpQueue } from './use-help-queue.ts';
import { useOfflineReady } from './use-offline-ready.ts';
import './help.css';

interface Values {
  householdId: number;
  memberId?: number;
  visitedOn: string;
  measure: string;
  needId?: number;
  solvedNeed?: boolean;
  content: string;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export default function HelpRecordPage() {
  const m = useMessages(helpMessages);
  const { county, scope } = useScope();
  const memberId = ownMemberId(useMe().data);
  const client = useQueryClient();
  const queue = useHelpQueue(() => void client.invalidateQueries({ queryKey: helpQueries.timelineAll(county) }));
  const online = useOnline();
  const offlineReady = useOfflineReady(county);
  const [form] = Form.useForm<Values>();
  const presetId = Number(useSearchParams()[0].get('householdId')) || undefined;
  const preset = useHelpChoices(county, presetId).data;
  const [household, setHousehold] = useState<HouseholdChoice | undefined>();
  const chosen = household ?? (preset ? { id: preset.householdId, headName: preset.headName } : undefined);
  const [position, setPosition] = useState<Position | null>(null);
  const [photos, setPhotos] = useState<QueuedPhoto[]>([]);
  const measures = useDictionary('measure');
  const householdId = Form.useWatch('householdId', form);
  const needId = Form.useWatch('needId', form);
  /** A refused record brought back into the form to be fixed: saving replaces it (same client uuid). */
  const [fixing, setFixing] = useState<QueuedRecord | undefined>();

  const fix = (record: QueuedRecord) => {
    setFixing(record);
    setHousehold({ id: record.body.householdId, headName: record.headName });
    setPhotos(record.photos);
    setPosition(
      record.body.lat !== undefined && record.body.lng !== undefined
        ? { lat: record.body.lat, lng: record.body.lng }
        : null,
    );
    form.setFieldsValue({ ...record.body, solvedNeed: record.body.solvedNeed ?? false });
    window.scrollTo({ top: 0 });
  };

  /** Says where the record is: on the server, refused by it (still on the device), or waiting on the device. */
  const tell = (outcome: SaveOutcome) => {
    if (outcome.kind === 'stored') void message.success(m.savedOnServer);
    else if (outcome.kind === 'queued') void message.info(m.saved);
    else void message.error(m.refusedToast(outcome.reason), 8);
  };

  useEffect(() => {
    if (presetId) form.setFieldValue('householdId', presetId);
  }, [form, presetId]);

  const save = async (values: Values) => {
    const outcome = await queue.save({
      clientId: fixing?.clientId ?? newClientId(),
      county,
      body: {
        householdId: values.householdId,
        ...(values.memberId ? { memberId: values.memberId } : {}),
        visitedOn: values.visitedOn,
        measure: values.measure,
        ...(values.needId ? { needId: values.needId, solvedNeed: values.solvedNeed ?? false } : {}),
        content: values.content.trim(),
        ...(position ? { lat: position.lat, lng: position.lng } : {}),
      },
      headName: chosen?.headName ?? String(values.householdId),
      photos,
      // When it was saved on this device (the queue's order), not a business date: the device's clock is right here.
      savedAt: fixing?.savedAt ?? new Date().toISOString(),
      attempts: 0,
    });
    setFixing(undefined);
    if (outcome.kind !== 'refused') {
      form.resetFields(['content', 'needId', 'solvedNeed']);
      setPhotos([]);
    }
    tell(outcome);
  };

  return (
    <div className="help-page">
      <Typography.Title level={2}>{m.title}</Typography.Title>
      <QueuePanel queue={queue} online={online} offlineReady={offlineReady} onFix={fix} fixing={fixing?.clientId} />
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ visitedOn: chinaToday() }}>
        <HouseholdPicker county={county} scope={scope} memberId={memberId} preset={chosen} onPicked={setHousehold} />
        {memberId === null && <MemberPicker county={county} householdId={householdId} />}
        <Form.Item name="visitedOn" label={m.visitedOn} rules={[{ required: true, message: m.required }]}>
          <Input type="date" max={chinaToday()} />
        </Form.Item>
        <Form.Item name="measure" label={m.measure} rules={[{ required: true, message: m.required }]}>
          <Select options={measures.options} />
        </Form.Item>
        <NeedPicker county={county} householdId={householdId} />
        {needId && (
          <Form.Item name="solvedNeed" valuePropName="checked">
            <Checkbox>{m.solvedNeed}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="content" label={m.content} rules={[{ required: true, whitespace: true, message: m.required }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={m.contentHint} />
        </Form.Item>
        <Form.Item label={m.photos}>
          <PhotoField value={photos} onChange={setPhotos} />
        </Form.Item>
        <Form.Item label={m.position}>
          <PositionField value={position} onChange={setPosition} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large">
          {m.save}
        </Button>
      </Form>
    </div>
  );
}
