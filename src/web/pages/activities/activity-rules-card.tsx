/** The county's rules of organisational life in the settings page: each kind's frequency, points, whether required. */
import { Button, Card, Select, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FormProblems } from '../../components/form-problems.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { type ActivityRules, type RuleItem, useActivityRules, useSaveRules } from './activity-api.ts';
import { type ActivityMessages, activityMessages } from './activity-messages.ts';

function RulesTable({ county, rules, m }: { county: string; rules: ActivityRules; m: ActivityMessages }) {
  const [rows, setRows] = useState<RuleItem[]>(rules.rules);
  useEffect(() => setRows(rules.rules), [rules]);
  const save = useSaveRules(county);
  const set = (kind: string, patch: Partial<RuleItem>) =>
    setRows((all) => all.map((r) => (r.kind === kind ? { ...r, ...patch } : r)));
  return (
    <>
      <Typography.Paragraph type="secondary">
        {m.rulesIntro} {rules.isDefault && m.usingDefaults}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { key: 'kind', title: m.kind, render: (_, r) => m.kinds[r.kind] },
          {
            key: 'frequency',
            title: m.frequency,
            render: (_, r) => (
              <Select
                aria-label={`${m.kinds[r.kind]} ${m.frequency}`}
                value={r.frequency}
                style={{ minWidth: 100 }}
                onChange={(frequency) => set(r.kind, { frequency })}
                options={Object.entries(m.frequencies).map(([value, label]) => ({ value, label }))}
              />
            ),
          },
          {
            key: 'points',
            title: m.countsForPoints,
            render: (_, r) => (
              <Switch checked={r.countsForPoints} onChange={(countsForPoints) => set(r.kind, { countsForPoints })} />
            ),
          },
          {
            key: 'active',
            title: m.active,
            render: (_, r) => <Switch checked={r.active} onChange={(active) => set(r.kind, { active })} />,
          },
        ]}
      />
      <FormProblems error={save.error} unplaced={[]} />
      <Button
        type="primary"
        loading={save.isPending}
        onClick={() => save.mutate(rows)}
        data-testid="save-activity-rules"
      >
        {m.saveRules}
      </Button>
    </>
  );
}

export function ActivityRulesCard({ county }: { county: string }) {
  const m = useMessages(activityMessages);
  const rules = useActivityRules(county);
  return (
    <Card title={m.rules} className="settings-card">
      <QueryState query={rules}>{(data) => <RulesTable county={county} rules={data} m={m} />}</QueryState>
    </Card>
  );
}
