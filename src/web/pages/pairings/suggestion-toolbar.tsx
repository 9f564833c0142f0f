/**
 * Above the suggestion table: the outcome of the last confirmation (confirmed, a 409 with a reload hint, a 422
 * whose problems sit on their rows, or another error), and the start date with "accept selected".
 */
import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { businessToday } from '../../auth/business-clock.ts';
import { ErrorAlert } from '../../components/query-state.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { pairingMessages } from './pairing-messages.ts';
import type { useReview } from './use-review.ts';

/** What the last confirmation did; a reload clears it and reads the suggestions again. */
export function Outcome({ review, onReload }: { review: ReturnType<typeof useReview>; onReload(): void }) {
  const m = useMessages(pairingMessages).suggestions;
  const o = review.outcome;
  if (!o) return null;
  const close = { onClose: () => review.setOutcome(null) };
  if (o.confirmed > 0)
    return (
      <Alert type="success" showIcon closable={close} title={m.accepted(o.confirmed)} className="pairing-outcome" />
    );
  if (o.conflict) {
    const reload = <Button onClick={onReload}>{m.reload}</Button>;
    return <Alert type="warning" showIcon title={m.conflict} action={reload} className="pairing-outcome" />;
  }
  if (o.onRows && o.error instanceof Error) {
    return (
      <Alert
        type="error"
        showIcon
        closable={close}
        title={m.confirmFailed}
        description={o.error.message}
        action={<Button onClick={onReload}>{m.reload}</Button>}
        className="pairing-outcome"
      />
    );
  }
  return <ErrorAlert error={o.error} title={m.confirmFailed} />;
}

interface StartBarProps {
  startOn: string;
  onStartOn(date: string): void;
  selected: number;
  busy: boolean;
  onAccept(): void;
}

/** The pairings' start date (today by default, never in the future) and the bulk accept. */
export function StartBar({ startOn, onStartOn, selected, busy, onAccept }: StartBarProps) {
  const m = useMessages(pairingMessages).suggestions;
  return (
    <Space wrap className="pairing-toolbar">
      <span>{m.startOn}</span>
      <DatePicker
        aria-label={m.startOn}
        allowClear={false}
        value={dayjs(startOn)}
        disabledDate={(d) => d.isAfter(dayjs(businessToday()), 'day')}
        onChange={(d) => d && onStartOn(d.format('YYYY-MM-DD'))}
      />
      <Button
        type="primary"
        icon={<CheckOutlined />}
        disabled={selected === 0}
        loading={busy}
        onClick={onAccept}
        data-testid="accept-selected"
      >
        {m.acceptSelected(selected)}
      </Button>
    </Space>
  );
}
