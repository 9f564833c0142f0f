/**
 * The early-warning list (/problems/warnings): households of the scope that are not monitored and that early
 * warning flags, with the reasons; filter by kind, search by head, page; link to the household and put it under
 * monitoring (纳入监测) with a reason.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Segmented, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { PagedList } from '../../components/paged-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { useStartMonitoring, useWarnings, type WarningKind, type Warnings } from './warnings-api.ts';
import { type WarningsMessages, warningsMessages } from './warnings-messages.ts';
import './warnings.css';

type Item = Warnings['items'][number];
const KINDS: WarningKind[] = ['no_help', 'low_income', 'income_fell', 'illness', 'overdue_problem'];
/** In the URL with the page: the kind filter and the head's name searched. */
const KEYS = ['kind', 'q'] as const;

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

function parts(m: WarningsMessages, onMonitor: (item: Item) => void) {
  const head = (r: Item) => <ScopedLink to={`/households/${r.householdId}`}>{r.headName}</ScopedLink>;
  const reasons = (r: Item) => (
    <ul className="warning-reasons">
      {r.warnings.map((w) => (
        <li key={w.kind}>
          <Tag color="red">{m.kinds[w.kind]}</Tag>
          {w.reason}
        </li>
      ))}
    </ul>
  );
  const action = (r: Item) => (
    <Button size="small" onClick={() => onMonitor(r)}>
      {m.monitor}
    </Button>
  );
  const columns: ColumnsType<Item> = [
    { title: m.household, key: 'head', render: (_, r) => head(r) },
    { title: m.reasons, key: 'reasons', render: (_, r) => reasons(r) },
    { title: '', key: 'action', render: (_, r) => action(r) },
  ];
  const card = (r: Item) => (
    <div className="list-card" data-testid={`warning-${r.householdId}`}>
      <div className="list-card-head">{head(r)}</div>
      {reasons(r)}
      {action(r)}
    </div>
  );
  return { columns, card };
}

export default function WarningsPage() {
  const m = useMessages(warningsMessages);
  const { county, values, update, base, paging } = useListQuery(KEYS);
  const kind = (KINDS as string[]).includes(values.kind ?? '') ? (values.kind as WarningKind) : 'all';
  const q = values.q?.trim() ?? '';
  const [target, setTarget] = useState<Item | null>(null);
  const [monitored, setMonitored] = useState<string | null>(null);
  const list = useWarnings(county, {
    within: base.within,
    page: base.page,
    pageSize: base.pageSize,
    ...(kind === 'all' ? {} : { kind }),
    ...(q ? { q } : {}),
  });
  const { columns, card } = parts(m, setTarget);
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
        <Segmented options={options} value={kind} onChange={(v) => update({ kind: v === 'all' ? undefined : v })} />
        <Input.Search
          allowClear
          placeholder={m.household}
          defaultValue={values.q}
          onSearch={(v) => update({ q: v.trim() })}
          style={{ maxWidth: 240 }}
        />
      </div>
      {monitored && (
        <Typography.Paragraph type="success" role="status">
          {monitored}
        </Typography.Paragraph>
      )}
      <PagedList<Item>
        list={list}
        {...paging}
        // one fixed order: the server's
        sort={undefined}
        testId="warnings-table"
        rowKey={(r) => r.householdId}
        fixedPageSize
        columns={columns}
        renderCard={card}
        emptyHint={m.empty}
        scrollX={700}
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
