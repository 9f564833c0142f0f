/**
 * 系统设置 (/settings): the county's early-warning thresholds and problem deadlines, for those who may change
 * them (settings.write; the menu shows the entry only to them, the server refuses anyone else).
 */
import { Card, Typography } from 'antd';
import { QueryState } from '../../components/query-state.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { ActivityRulesCard } from '../activities/activity-rules-card.tsx';
import { DeadlineSettingsTable } from './deadline-settings-table.tsx';
import { useDeadlineSettings, useWarningSettings } from './settings-api.ts';
import { settingsMessages } from './settings-messages.ts';
import { WarningSettingsForm } from './warning-settings-form.tsx';
import './settings.css';

export default function SettingsPage() {
  const m = useMessages(settingsMessages);
  const { county } = useScope();
  const warnings = useWarningSettings(county);
  const deadlines = useDeadlineSettings(county);
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.title}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      <Card title={m.warnings} className="settings-card">
        <QueryState query={warnings}>
          {(data) => <WarningSettingsForm county={county} settings={data} m={m} />}
        </QueryState>
      </Card>
      <Card title={m.deadlines} className="settings-card">
        <QueryState query={deadlines}>
          {(data) => <DeadlineSettingsTable county={county} settings={data} m={m} />}
        </QueryState>
      </Card>
      <ActivityRulesCard county={county} />
    </>
  );
}
