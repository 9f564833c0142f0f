/** Income by year: the items, the per-capita net income against that year's poverty line, and a small chart. */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { lazy, Suspense, useState } from 'react';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import type { HouseholdDetail } from './household-api.ts';
import { IncomeDialog } from './household-edit-dialogs.tsx';
import { householdEditMessages } from './household-edit-messages.ts';
import { householdMessages } from './household-messages.ts';

const IncomeChart = lazy(() => import('./income-chart.tsx'));

type IncomeRow = HouseholdDetail['income'][number];

/** Income by year; `editable` (the caller may write the household) offers adding and editing years. */
export function HouseholdIncome({
  householdId,
  income,
  editable,
}: {
  householdId: number;
  income: IncomeRow[];
  editable: boolean;
}) {
  const m = useMessages(householdMessages);
  const em = useMessages(householdEditMessages);
  const [editing, setEditing] = useState<{ row: IncomeRow | undefined } | null>(null);
  const t = m.income;
  const isPhone = useIsPhone();
  const money = (v: number) => v.toLocaleString(undefined, { maximumFractionDigits: 2 });
  const columns: ColumnsType<IncomeRow> = [
    { key: 'year', title: t.year, dataIndex: 'year', fixed: 'left' },
    { key: 'wage', title: t.wage, render: (_, r) => money(r.wage) },
    { key: 'production', title: t.production, render: (_, r) => money(r.production) },
    { key: 'property', title: t.property, render: (_, r) => money(r.property) },
    { key: 'transfers', title: t.transfers, render: (_, r) => money(r.dibao + r.wubao + r.pension + r.subsidy) },
    { key: 'productionCost', title: t.productionCost, render: (_, r) => money(r.productionCost) },
    { key: 'householdSize', title: t.householdSize, dataIndex: 'householdSize' },
    {
      key: 'perCapitaNet',
      title: t.perCapitaNet,
      render: (_, r) => <strong data-testid={`income-net-${r.year}`}>{money(r.perCapitaNet)}</strong>,
    },
    {
      key: 'povertyLine',
      title: t.povertyLine,
      render: (_, r) => (r.povertyLine === null ? '—' : money(r.povertyLine)),
    },
    {
      key: 'aboveLine',
      title: '',
      // A year after 2020 without its monitoring line: say so (the server's message), never a guessed figure.
      render: (_, r) =>
        r.aboveLine === null ? (
          <Tag color="orange" title={r.lineMissing ?? ''} data-testid={`income-line-${r.year}`}>
            {t.lineMissing}
          </Tag>
        ) : (
          <Tag color={r.aboveLine ? 'green' : 'red'} data-testid={`income-line-${r.year}`}>
            {r.aboveLine ? t.aboveLine : t.belowLine}
          </Tag>
        ),
    },
    {
      key: 'edit',
      title: '',
      render: (_, r) =>
        editable && (
          <Button
            size="small"
            icon={<EditOutlined />}
            aria-label={em.editIncome(r.year)}
            onClick={() => setEditing({ row: r })}
          />
        ),
    },
  ];
  // A phone shows what decides the exit (net per person against the line); the items stay on larger screens.
  const PHONE_COLUMNS = ['year', 'perCapitaNet', 'povertyLine', 'aboveLine', 'edit'];
  const shown = isPhone ? columns.filter((c) => PHONE_COLUMNS.includes(String(c.key))) : columns;
  return (
    <Card
      title={m.sections.income}
      size="small"
      extra={
        editable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ row: undefined })}>
            {em.addIncome}
          </Button>
        )
      }
    >
      {income.length > 1 && (
        <Suspense fallback={<Skeleton.Node active className="income-chart" />}>
          <IncomeChart income={income} netLabel={t.perCapitaNet} lineLabel={t.povertyLine} />
        </Suspense>
      )}
      <Table<IncomeRow>
        rowKey="year"
        size="small"
        columns={shown}
        dataSource={income}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: m.noIncome }}
      />
      {editing && <IncomeDialog householdId={householdId} row={editing.row} onClose={() => setEditing(null)} />}
    </Card>
  );
}
