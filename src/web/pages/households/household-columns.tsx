/** How a household row shows: table columns on desktop, a card on phones. */
import { Card } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { DictLabel, DictTags, StatusTag } from '../../components/dict-tags.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import type { HouseholdListItem } from './household-api.ts';
import { householdMessages } from './household-messages.ts';

type Messages = (typeof householdMessages)['zh'];

const place = (row: HouseholdListItem) => `${row.villageName} · ${row.naturalVillageName}`;

function income(m: Messages, row: HouseholdListItem): string {
  if (row.perCapitaIncome === null) return '—';
  return `${m.yuan(row.perCapitaIncome)}${row.incomeYear ? m.inYear(row.incomeYear) : ''}`;
}

export function householdColumns(m: Messages): ColumnsType<HouseholdListItem> {
  const f = m.fields;
  return [
    {
      key: 'headName',
      title: f.headName,
      sorter: true,
      fixed: 'left',
      render: (_, row) => <ScopedLink to={`/households/${row.id}`}>{row.headName}</ScopedLink>,
    },
    { key: 'registryNo', title: f.registryNo, sorter: true, dataIndex: 'registryNo' },
    { key: 'place', title: f.place, render: (_, row) => place(row) },
    { key: 'status', title: f.status, render: (_, r) => <StatusTag kind="household_status" code={r.status} /> },
    { key: 'attribute', title: f.attribute, render: (_, r) => <DictLabel kind="attribute" code={r.attribute} /> },
    {
      key: 'causes',
      title: f.mainCause,
      render: (_, r) => (
        <>
          <DictTags kind="cause" codes={[r.mainCause]} color="red" />
          <DictTags kind="cause" codes={r.otherCauses} />
        </>
      ),
    },
    { key: 'size', title: f.size, sorter: true, dataIndex: 'size' },
    { key: 'perCapitaIncome', title: f.perCapitaIncome, sorter: true, render: (_, r) => income(m, r) },
    { key: 'identifiedYear', title: f.identifiedYear, sorter: true, dataIndex: 'identifiedYear' },
    { key: 'phone', title: f.phone, dataIndex: 'phone' },
  ];
}

/** The phone layout of one household. */
export function HouseholdCardRow({ row }: { row: HouseholdListItem }) {
  const m = useMessages(householdMessages);
  return (
    <Card size="small" className="list-card">
      <div className="list-card-head">
        <ScopedLink to={`/households/${row.id}`}>
          <strong>{row.headName}</strong>
        </ScopedLink>
        <span>{m.people(row.size)}</span>
        <StatusTag kind="household_status" code={row.status} />
      </div>
      <div className="list-card-line">{place(row)}</div>
      <div className="list-card-line">
        <DictLabel kind="attribute" code={row.attribute} /> · {income(m, row)}
      </div>
      <DictTags kind="cause" codes={[row.mainCause]} color="red" />
      <DictTags kind="cause" codes={row.otherCauses} />
    </Card>
  );
}
