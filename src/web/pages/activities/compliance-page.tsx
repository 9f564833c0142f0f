/**
 * /activities/compliance — how the scope's groups kept the year's required activities: held in time, late,
 * missed, still due, by township, village or group; sortable, paged; a group's row opens its plan.
 */
import { Segmented, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { businessYear } from '../../auth/business-clock.ts';
import { PagedList } from '../../components/paged-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { type ComplianceRow, useCompliance } from './activity-api.ts';
import { type ActivityMessages, activityMessages } from './activity-messages.ts';
import './activities.css';

const KEYS = ['by', 'year', 'sort'] as const;
type By = 'township' | 'village' | 'group';

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

function columns(m: ActivityMessages, by: By): ColumnsType<ComplianceRow> {
  const n = (key: keyof ComplianceRow, title: string) => ({ key, title, sorter: true, dataIndex: key });
  return [
    {
      key: 'name',
      title: m.name,
      sorter: true,
      render: (_, r) =>
        by === 'group' ? <ScopedLink to={`/activities?groupId=${r.code}`}>{r.name}</ScopedLink> : r.name,
    },
    ...(by === 'group' ? [] : [{ key: 'groups', title: m.groups, dataIndex: 'groups' }]),
    n('required', m.requiredCount),
    n('held', m.heldCount),
    n('late', m.lateCount),
    n('missed', m.missedCount),
    { key: 'due', title: m.dueCount, dataIndex: 'due' },
    { key: 'rate', title: m.rate, sorter: true, render: (_, r) => percent(r.rate) },
  ];
}

export default function CompliancePage() {
  const m = useMessages(activityMessages);
  const { county, values, update, base, paging } = useListQuery(KEYS);
  const by = (values.by as By | undefined) ?? 'village';
  const year = values.year ? Number(values.year) : businessYear();
  const data = useCompliance(county, { ...base, q: undefined, by, year });
  const totals = data.data?.totals;
  const y = businessYear();
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.complianceTitle}</Typography.Title>
      </div>
      <Space wrap className="activity-section">
        <Segmented
          value={by}
          onChange={(v) => update({ by: v as string, page: undefined })}
          options={(['township', 'village', 'group'] as const).map((v) => ({ value: v, label: m.by[v] }))}
        />
        <Select
          aria-label={m.year}
          value={year}
          onChange={(v) => update({ year: v })}
          options={[y, y - 1, y - 2].map((v) => ({ value: v, label: v }))}
        />
      </Space>
      {totals && (
        <Typography.Paragraph data-testid="compliance-totals">
          {m.totals}：{m.planTotals(totals)}
        </Typography.Paragraph>
      )}
      <PagedList
        list={data}
        {...paging}
        rowKey={(r) => r.code}
        columns={columns(m, by)}
        renderCard={(r) => (
          <div>
            <strong>{r.name}</strong>
            <div>{m.planTotals(r)}</div>
            <div>
              {m.rate} {percent(r.rate)}
            </div>
          </div>
        )}
        emptyHint={m.empty}
      />
    </>
  );
}
