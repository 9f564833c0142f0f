/**
 * Form.Item props that keep a date as the API's 'YYYY-MM-DD' text in form values while antd's DatePicker works
 * with dayjs objects, so values can be compared and sent as they are.
 */
import dayjs, { type Dayjs } from 'dayjs';

export const dateAsText = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined),
};
