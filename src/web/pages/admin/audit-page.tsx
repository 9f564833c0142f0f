/** /audit — the audit trail: filter by person, record, action and time, newest first; the chain's state. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import dayjs, { type Dayjs } from 'dayjs';
import type { Static } from 'typebox';
import type { AuditChainState, AuditEntryView } from '../../../shared/schemas/access.ts';
import { api } from '../../api/client.ts';
import { pagedListOptions } from '../../api/paged-list.ts';
import { authMessages } from '../../auth/auth-messages.ts';
import { PagedList } from '../../components/paged-list.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useLang, useMessages } from '../../i18n/i18n.tsx';
import { auditActionOptions, auditText } from './audit-text.ts';

type Entry = Static<typeof AuditEntryView>;

interface Filters {
  actor?: string;
  action?: string;
  record?: string;
  range?: [Dayjs, Dayjs] | null;
}

type AuditQuery = Parameters<typeof api.get>[1];

/** The audit trail's queries: a page of entries and the chain's check. */
const auditQueries = {
  all: (county: string) => ['audit', county] as const,
  list: (county: string, query: AuditQuery) =>
    pagedListOptions<typeof AuditEntryView>(
      [...auditQueries.all(county), 'list', query],
      `/api/counties/${county}/audit`,
      query,
    ),
  verify: (county: string) =>
    queryOptions({
      queryKey: [...auditQueries.all(county), 'verify'] as const,
      queryFn: () => api.get<typeof AuditChainState>(`/api/counties/${county}/audit/verify`),
      retry: false,
    }),
};

/** In the URL with the page: the form's filters, the time range as two dates (YYYY-MM-DD). */
const KEYS = ['actor', 'action', 'record', 'from', 'to'] as const;
const DAY = 'YYYY-MM-DD';

export default function AuditPage() {
  const m = useMessages(authMessages);
  const { lang } = useLang();
  const text = auditText(lang);
  const { county, values, update, base, paging } = useListQuery(KEYS);
  const from = values.from && dayjs(values.from, DAY).isValid() ? dayjs(values.from, DAY) : undefined;
  const to = values.to && dayjs(values.to, DAY).isValid() ? dayjs(values.to, DAY) : undefined;
  const filters: Filters = {
    actor: values.actor,
    action: values.action,
    record: values.record,
    range: from && to ? [from, to] : null,
  };
  const query = {
    within: base.within,
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    record: filters.record || undefined,
    from: filters.range?.[0]?.startOf('day').toISOString(),
    to: filters.range?.[1]?.endOf('day').toISOString(),
    page: base.page,
    pageSize: base.pageSize,
  };
  const list = useQuery(auditQueries.list(county, query));
  const columns: ColumnsType<Entry> = [
    { title: '#', dataIndex: 'seq', width: 70 },
    { title: m.at, dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString() },
    { title: m.actor, dataIndex: 'actor' },
    { title: m.action, dataIndex: 'action', render: (v: string) => <span title={v}>{text.action(v)}</span> },
    { title: m.record, render: (_, e) => `${text.table(e.table)} ${e.recordId}` },
    { title: m.diff, render: (_, e) => <span className="audit-diff">{text.diff(e.diff)}</span> },
    { title: m.ip, dataIndex: 'ip' },
  ];
  const chain = useQuery(auditQueries.verify(county));
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
        initialValues={filters}
        onFinish={(v: Filters) =>
          update({
            actor: v.actor,
            action: v.action,
            record: v.record,
            from: v.range?.[0]?.format(DAY),
            to: v.range?.[1]?.format(DAY),
          })
        }
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
      <PagedList<Entry>
        list={list}
        {...paging}
        // newest first, always
        sort={undefined}
        fixedPageSize
        rowKey={(e) => e.seq}
        columns={columns}
        emptyHint={m.auditEmpty}
        renderCard={(e) => (
          <div className="list-card" data-testid={`audit-${e.seq}`}>
            <div className="list-card-head">
              #{e.seq} <span title={e.action}>{text.action(e.action)}</span>
            </div>
            <div>
              {text.table(e.table)} {e.recordId}
            </div>
            <div className="audit-diff">{text.diff(e.diff)}</div>
            <Typography.Text type="secondary">
              {e.actor} · {new Date(e.at).toLocaleString()}
              {e.ip ? ` · ${e.ip}` : ''}
            </Typography.Text>
          </div>
        )}
      />
    </>
  );
}
