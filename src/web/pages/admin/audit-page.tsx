/** /audit — the audit trail: filter by person, record, action and time, newest first; the chain's state. */
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Static } from 'typebox';
import { AuditChainState, AuditEntryView } from '../../../shared/schemas/access.ts';
import { PageOf } from '../../../shared/schemas/common.ts';
import { api } from '../../api/client.ts';
import { authMessages } from '../../auth/auth-messages.ts';
import { useLang, useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { auditActionOptions, auditText } from './audit-text.ts';

type Entry = Static<typeof AuditEntryView>;

interface Filters {
  actor?: string;
  action?: string;
  record?: string;
  range?: [Dayjs, Dayjs] | null;
}

export default function AuditPage() {
  const m = useMessages(authMessages);
  const { lang } = useLang();
  const text = auditText(lang);
  const { county, scope } = useScope();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const query = {
    within: scope,
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    record: filters.record || undefined,
    from: filters.range?.[0]?.startOf('day').toISOString(),
    to: filters.range?.[1]?.endOf('day').toISOString(),
    page,
    pageSize: 20,
  };
  const list = useQuery({
    queryKey: ['audit', county, query],
    queryFn: () => api.get(`/api/counties/${county}/audit`, PageOf(AuditEntryView), query),
  });
  const chain = useQuery({
    queryKey: ['audit-verify', county],
    queryFn: () => api.get(`/api/counties/${county}/audit/verify`, AuditChainState),
    retry: false,
  });
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.audit}</Typography.Title>
        {chain.data && (
          <Tag color={chain.data.ok ? 'green' : 'red'}>
            {m.chain}: {chain.data.ok ? m.chainOk : m.chainBroken.replace('{seq}', String(chain.data.broken?.seq))}
          </Tag>
        )}
      </div>
      <Form
        layout="inline"
        className="filter-bar"
        onFinish={(v: Filters) => {
          setFilters(v);
          setPage(1);
        }}
      >
        <Form.Item name="actor">
          <Input placeholder={m.actor} aria-label={m.actor} allowClear />
        </Form.Item>
        <Form.Item name="action">
          <Select
            placeholder={m.action}
            aria-label={m.action}
            allowClear
            showSearch
            optionFilterProp="label"
            options={auditActionOptions(lang)}
            style={{ minWidth: 220 }}
          />
        </Form.Item>
        <Form.Item name="record">
          <Input placeholder={m.record} aria-label={m.record} allowClear />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {m.search}
        </Button>
      </Form>
      {/* Before the first page: a skeleton, not an empty table reading "no data". */}
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Table<Entry>
          rowKey="seq"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 70 },
            { title: m.at, dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString() },
            { title: m.actor, dataIndex: 'actor' },
            { title: m.action, dataIndex: 'action', render: (v: string) => <span title={v}>{text.action(v)}</span> },
            { title: m.record, render: (_, e) => `${text.table(e.table)} ${e.recordId}` },
            { title: m.diff, render: (_, e) => <span className="audit-diff">{text.diff(e.diff)}</span> },
            { title: m.ip, dataIndex: 'ip' },
          ]}
        />
      )}
    </>
  );
}
