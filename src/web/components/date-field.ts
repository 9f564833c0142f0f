/**
 * Form.Item props that keep a date as the API's 'YYYY-MM-DD' text in form values while antd's DatePicker works
 * with dayjs objects, so values can be compared and sent as they are.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { businessToday } from '../auth/business-clock.ts';

export const dateAsText = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/**
 * DatePicker props for a date that cannot lie after the business date (the server refuses it): later days are
 * disabled and an empty picker opens on the business date's month — the demo's 2020-12-31, not the device's today.
 */
export function untilBusinessToday(): { disabledDate: (day: Dayjs) => boolean; defaultPickerValue: Dayjs } {
  const today = dayjs(businessToday());
  return { disabledDate: (day) => day.isAfter(today, 'day'), defaultPickerValue: today };
}

/** DatePicker props for a date that may lie ahead (a due date): an empty picker opens on the business date's month. */
export function openOnBusinessToday(): { defaultPickerValue: Dayjs } {
  return { defaultPickerValue: dayjs(businessToday()) };
}
