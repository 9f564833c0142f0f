/** How a pairing row shows: table columns on desktop, a card on phones; write actions only where allowed. */
import { EditOutlined, PrinterOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import type { ReactNode } from 'react';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { type PairingItem, plaquePath } from './pairing-api.ts';
import type { PairingMessages } from './pairing-messages.ts';

export interface PairingActions {
  canWrite(row: PairingItem): boolean;
  editMeasures(row: PairingItem): void;
  handOver(row: PairingItem): void;
  end(row: PairingItem): void;
}

/** Current / ended (with the reason) and "needs handover". */
export function PairingStatus({ row, m }: { row: PairingItem; m: PairingMessages }) {
  if (row.endedOn) {
    return <Tag>{`${m.ended} · ${m.endReasons[row.endReason ?? ''] ?? row.endReason ?? ''}`}</Tag>;
  }
  return (
    <>
      <Tag color="green">{m.current}</Tag>
      {row.needsHandover && (
        <Tag color="orange" title={m.list.needsHandoverHint}>
          {m.list.needsHandover}
        </Tag>
      )}
    </>
  );
}

function RowActions({ row, m, a }: { row: PairingItem; m: PairingMessages; a: PairingActions }): ReactNode {
  if (row.endedOn || !a.canWrite(row)) return null;
  return (
    <Space wrap size={4}>
      <Button
        size="small"
        icon={<EditOutlined />}
        onClick={() => a.editMeasures(row)}
        data-testid={`measures-${row.id}`}
      >
        {m.editMeasures}
      </Button>
      <Button size="small" icon={<SwapOutlined />} onClick={() => a.handOver(row)} data-testid={`handover-${row.id}`}>
        {m.handOver}
      </Button>
      {row.household.status === 'exited' && (
        <Button size="small" icon={<StopOutlined />} onClick={() => a.end(row)} data-testid={`end-${row.id}`}>
          {m.endPairing}
        </Button>
      )}
      <ScopedLink to={plaquePath(row.id)}>
        <Button size="small" icon={<PrinterOutlined />} data-testid={`plaque-${row.id}`}>
          {m.plaque}
        </Button>
      </ScopedLink>
    </Space>
  );
}

const since = (row: PairingItem) => (row.endedOn ? `${row.startedOn} – ${row.endedOn}` : row.startedOn);

export function pairingColumns(m: PairingMessages, a: PairingActions): ColumnsType<PairingItem> {
  const f = m.fields;
  return [
    {
      key: 'member',
      title: f.member,
      sorter: true,
      render: (_, r) => (
        <>
          <ScopedLink to={`/members/${r.member.id}`}>{r.member.name}</ScopedLink>
          {r.member.post && <div className="pairing-muted">{r.member.post}</div>}
        </>
      ),
    },
    {
      key: 'household',
      title: f.household,
      sorter: true,
      render: (_, r) => <ScopedLink to={`/households/${r.household.id}`}>{r.household.headName}</ScopedLink>,
    },
    { key: 'village', title: f.village, sorter: true, render: (_, r) => `${r.villageName} · ${r.naturalVillageName}` },
    { key: 'started', title: f.since, sorter: true, render: (_, r) => since(r) },
    { key: 'slot', title: f.slot, dataIndex: 'slot' },
    {
      key: 'measures',
      title: f.measures,
      render: (_, r) => <Typography.Text className="pairing-measures">{r.measures || '—'}</Typography.Text>,
    },
    { key: 'status', title: f.status, render: (_, r) => <PairingStatus row={r} m={m} /> },
    { key: 'actions', title: f.actions, render: (_, r) => <RowActions row={r} m={m} a={a} /> },
  ];
}

/** The phone layout of one pairing. */
export function PairingCard({ row, m, a }: { row: PairingItem; m: PairingMessages; a: PairingActions }) {
  return (
    <Card size="small" className="list-card">
      <div className="list-card-head">
        <ScopedLink to={`/members/${row.member.id}`}>
          <strong>{row.member.name}</strong>
        </ScopedLink>
        <span>→</span>
        <ScopedLink to={`/households/${row.household.id}`}>{row.household.headName}</ScopedLink>
        <PairingStatus row={row} m={m} />
      </div>
      <div className="list-card-line">{`${row.villageName} · ${row.naturalVillageName} · ${since(row)}`}</div>
      {row.measures && <div className="list-card-line">{row.measures}</div>}
      <RowActions row={row} m={m} a={a} />
    </Card>
  );
}
