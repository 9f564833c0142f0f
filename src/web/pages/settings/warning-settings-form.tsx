/**
 * The early-warning thresholds form (预警阈值): three numbers with their ranges as hints and the defaults beside
 * them; the server's 400/422 problems show under the fields, a success message once saved; reset to defaults.
 */
import { Alert, Button, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FormProblems } from '../../components/form-problems.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { useResetWarnings, useSaveWarnings, type WarningSettings, type WarningValues } from './settings-api.ts';
import type { SettingsMessages } from './settings-messages.ts';

interface Props {
  county: string;
  settings: WarningSettings;
  m: SettingsMessages;
}

const FIELDS = [
  { name: 'noHelpDays', step: 1, precision: 0, unit: 'days' },
  { name: 'incomeMultiple', step: 0.05, precision: 2, unit: 'times' },
  { name: 'newIllnessDays', step: 1, precision: 0, unit: 'days' },
] as const;

export function WarningSettingsForm({ county, settings, m }: Props) {
  const [form] = Form.useForm<WarningValues>();
  const server = useServerForm(form);
  const save = useSaveWarnings(county);
  const reset = useResetWarnings(county);
  // Which message to show (a key, so a language switch re-words it).
  const [done, setDone] = useState<'warningsSaved' | 'warningsReset' | null>(null);
  const { noHelpDays, incomeMultiple, newIllnessDays } = settings;
  const values = { noHelpDays, incomeMultiple, newIllnessDays };
  // Show what the server holds after each save or reset (also when another admin changed it).
  useEffect(() => {
    form.setFieldsValue({ noHelpDays, incomeMultiple, newIllnessDays });
  }, [form, noHelpDays, incomeMultiple, newIllnessDays]);
  const onFinish = async (v: WarningValues) => {
    setDone(null);
    if (await server.submit(() => save.mutateAsync(v))) setDone('warningsSaved');
  };
  const onReset = async () => {
    setDone(null);
    if (await server.submit(() => reset.mutateAsync())) setDone('warningsReset');
  };
  return (
    <Form<WarningValues>
      form={form}
      layout="vertical"
      initialValues={values}
      onFinish={onFinish}
      data-testid="warning-settings"
    >
      <Typography.Paragraph type="secondary" data-testid="warning-settings-source">
        {settings.isDefault ? m.usingDefaults : m.usingOwn(new Date(settings.updatedAt ?? '').toLocaleString())}
      </Typography.Paragraph>
      <FormProblems error={server.error} unplaced={server.unplaced} />
      {done && <Alert type="success" showIcon title={m[done]} role="status" data-testid="warning-settings-saved" />}
      {FIELDS.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={m[f.name]}
          extra={`${m[`${f.name}Hint`]} · ${m.defaultValue(String(settings.defaults[f.name]))}`}
          rules={[{ required: true, message: m[`${f.name}Hint`] }]}
        >
          <InputNumber
            step={f.step}
            precision={f.precision}
            suffix={m[f.unit]}
            style={{ width: 180 }}
            data-testid={`settings-${f.name}`}
          />
        </Form.Item>
      ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="warning-settings-save">
          {m.save}
        </Button>
        <Button onClick={() => void onReset()} loading={reset.isPending} disabled={settings.isDefault}>
          {m.resetWarnings}
        </Button>
      </Space>
    </Form>
  );
}
