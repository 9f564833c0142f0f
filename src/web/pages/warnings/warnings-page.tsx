/**
 * The early-warning list (/problems/warnings): households of the scope that are not monitored and that early
 * warning flags, with the reasons; filter by kind, search by head, page; link to the household and put it under
 * monitoring (纳入监测) with a reason.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { useStartMonitoring, useWarnings, type WarningKind, type Warnings } from './warnings-api.ts';
import { type WarningsMessages, warningsMessages } from './warnings-messages.ts';
import './warnings.css';

type Item = Warnings['items'][number];
const KINDS: WarningKind[] = ['no_help', 'low_income', 'income_fell', 'illness', 'overdue_problem'];

interface DialogProps {
  item: Item | null;
  /** `done`: the household is now monitored */
  onClose: (done?: boolean) => void;
  m: WarningsMessages;
}

function MonitorDialog({ item, onClose, m }: DialogProps) {
  const { county } = useScope();
  const start = useStartMonitoring(county);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!item) return;
    if (reason.trim() === '') return setError(m.required);
    try {
      await start.mutateAsync({ id: item.householdId, reason });
      setReason('');
      onClose(true);
    } catch (e) {
      setError(e instanceof ApiError ? (e.details?.[0]?.message ?? e.message) : String(e));
    }
  };
  return (
    <Modal
      open={item !== null}
      title={item ? m.monitorTitle(item.headName) : ''}
      okText={m.monitor}
      cancelText={m.cancel}
      confirmLoading={start.isPending}
      onOk={() => void submit()}
      onCancel={() => onClose()}
    >
      <Input.TextArea
        aria-label={m.reason}
        placeholder={m.reason}
        value={reason}
        maxLength={500}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

function useColumns(m: WarningsMessages, onMonitor: (item: Item) => void) {
  return [
    {
      title: m.household,
      key: 'head',
      render: (_: unknown, r: Item) => <ScopedLink to={`/households/${r.householdId}`}>{r.headName}</ScopedLink>,
    },
    {
      title: m.reasons,
      key: 'reasons',
      render: (_: unknown, r: Item) => (
        <ul className="warning-reasons">
          {r.warnings.map((w) => (
            <li key={w.kind}>
              <Tag color="red">{m.kinds[w.kind]}</Tag>
              {w.reason}
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: '',
      key: 'action',
      render: (_: unknown, r: Item) => (
        <Button size="small" onClick={() => onMonitor(r)}>
          {m.monitor}
        </Button>
      ),
    },
  ];
}

export default function WarningsPage() {
  const m = useMessages(warningsMessages);
  const { county, scope } = useScope();
  const [kind, setKind] = useState<WarningKind | 'all'>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<Item | null>(null);
  const [monitored, setMonitored] = useState<string | null>(null);
  const list = useWarnings(county, {
    within: scope,
    page,
    ...(kind === 'all' ? {} : { kind }),
    ...(q.trim() ? { q: q.trim() } : {}),
  });
  const byKind = list.data?.byKind ?? {};
  const options = [
    { value: 'all', label: m.allKinds },
    ...KINDS.map((k) => ({ value: k, label: `${m.kinds[k]} ${byKind[k] ?? 0}` })),
  ];
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.title}</Typography.Title>
        <ScopedLink to="/problems">
          <Button icon={<ArrowLeftOutlined />} />
        </ScopedLink>
      </div>
      <div className="filter-bar">
        <Segmented
          options={options}
          value={kind}
          onChange={(v) => {
            setKind(v as WarningKind | 'all');
            setPage(1);
          }}
        />
        <Input.Search
          allowClear
          placeholder={m.household}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ maxWidth: 240 }}
        />
      </div>
      {monitored && (
        <Typography.Paragraph type="success" role="status">
          {monitored}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="householdId"
        size="small"
        data-testid="warnings-table"
        loading={list.isFetching}
        columns={useColumns(m, setTarget)}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: m.empty }}
        scroll={{ x: 700 }}
        pagination={{
          current: page,
          total: list.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
      <MonitorDialog
        item={target}
        onClose={(done) => {
          if (done && target) setMonitored(`${m.done}：${target.headName}`);
          setTarget(null);
        }}
        m={m}
      />
    </>
  );
}
