/**
 * The scope's child units as a sortable table; clicking a name or double-clicking a row drills down: the child
 * becomes the scope. Lazily loaded by the dashboard page (antd's Table stays off its first screen).
 */
import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import type { DashboardChildBody } from '../../../shared/schemas/dashboard.ts';
import { formatCount } from '../../charts/chart-option.ts';
import { useLang } from '../../i18n/i18n.tsx';
import { formatIndicator, indicatorValue } from '../../map/indicators.ts';
import { ChartCard } from './chart-card.tsx';
import type { DashboardMessages } from './dashboard-messages.ts';

interface Props {
  items: DashboardChildBody[];
  m: DashboardMessages;
  onDrill: (code: string) => void;
}

function useColumns(m: DashboardMessages, onDrill: (code: string) => void): ColumnsType<DashboardChildBody> {
  const { lang } = useLang();
  const count = (n: number) => formatCount(n, lang);
  const number = (key: 'households' | 'poor' | 'exited' | 'members', title: string) => ({
    key,
    title,
    dataIndex: key,
    align: 'right' as const,
    sorter: (a: DashboardChildBody, b: DashboardChildBody) => a[key] - b[key],
    render: count,
  });
  const rate = (c: DashboardChildBody) => indicatorValue(c, 'povertyRate') ?? -1;
  return [
    {
      key: 'name',
      title: m.table.name,
      fixed: 'left',
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => onDrill(c.code)} data-testid={`child-${c.code}`}>
          {c.name}
        </Button>
      ),
    },
    number('households', m.table.households),
    number('poor', m.table.poor),
    number('exited', m.table.exited),
    {
      key: 'povertyRate',
      title: m.table.povertyRate,
      align: 'right',
      sorter: (a, b) => rate(a) - rate(b),
      render: (_, c) => {
        const value = indicatorValue(c, 'povertyRate');
        return value === null ? '—' : formatIndicator('povertyRate', value, lang);
      },
    },
    number('members', m.table.members),
    {
      key: 'perCapitaMean',
      title: m.table.perCapitaMean,
      dataIndex: 'perCapitaMean',
      align: 'right',
      sorter: (a, b) => (a.perCapitaMean ?? -1) - (b.perCapitaMean ?? -1),
      render: (v: number | null) => (v === null ? '—' : count(v)),
    },
  ];
}

export function ChildrenTable({ items, m, onDrill }: Props) {
  const columns = useColumns(m, onDrill);
  return (
    <ChartCard title={m.table.title}>
      <Table
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        onRow={(c) => ({ onDoubleClick: () => onDrill(c.code) })}
        data-testid="children-table"
      />
    </ChartCard>
  );
}
