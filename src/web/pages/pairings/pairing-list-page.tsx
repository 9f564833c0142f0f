/**
 * 结对帮扶: the pairings of the selected scope — search by member or head name, status, "needs handover", sort
 * and paging in the URL; per current pairing: edit measures, hand over (and the plaque once its page exists).
 */
import { BulbOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth/session.tsx';
import { FilterBar, FilterSearch, FilterSelect, optionsOf } from '../../components/filter-bar.tsx';
import { ErrorResult } from '../../components/query-state.tsx';
import { ResponsiveList } from '../../components/responsive-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { intParam, useUrlQuery } from '../../components/use-url-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type PairingItem, type PairingQuery, usePairingList } from './pairing-api.ts';
import { PairingCard, pairingColumns } from './pairing-columns.tsx';
import { HandoverDialog, MeasuresDialog } from './pairing-dialogs.tsx';
import { pairingMessages } from './pairing-messages.ts';
import './pairings.css';

const KEYS = ['q', 'status', 'needsHandover', 'sort', 'page', 'pageSize'] as const;

export default function PairingListPage() {
  const m = useMessages(pairingMessages);
  const l = m.list;
  const { county, scope } = useScope();
  const can = useCan();
  const { values, update } = useUrlQuery(KEYS);
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20);
  const query = {
    within: scope,
    q: values.q,
    status: values.status,
    needsHandover: values.needsHandover === 'true' ? true : undefined,
    sort: values.sort,
    page,
    pageSize,
  } as PairingQuery;
  const list = usePairingList(county, query);
  const [editing, setEditing] = useState<{ row: PairingItem; kind: 'measures' | 'handover' } | null>(null);
  const canWrite = can('pairing.write', scope);
  const actions = {
    canWrite: () => canWrite,
    editMeasures: (row: PairingItem) => setEditing({ row, kind: 'measures' }),
    handOver: (row: PairingItem) => setEditing({ row, kind: 'handover' }),
  };

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{l.title}</Typography.Title>
        {canWrite && (
          <ScopedLink to="/pairing-suggestions">
            <Button type="primary" icon={<BulbOutlined />}>
              {l.suggestionsLink}
            </Button>
          </ScopedLink>
        )}
      </div>
      <FilterBar
        active={[values.status, values.needsHandover, values.sort].filter(Boolean).length}
        search={<FilterSearch label={l.search} value={values.q} onSearch={(q) => update({ q })} />}
      >
        <FilterSelect
          label={l.status}
          value={values.status}
          options={optionsOf(l.statuses)}
          onChange={(status) => update({ status })}
        />
        <FilterSelect
          label={l.sort}
          value={values.sort}
          options={optionsOf(l.sorts)}
          onChange={(sort) => update({ sort })}
        />
        <Col xs={12} sm={8} lg={6} xl={4} className="pairing-filter-check">
          <Checkbox
            checked={values.needsHandover === 'true'}
            onChange={(e) => update({ needsHandover: e.target.checked ? 'true' : undefined })}
          >
            {l.needsHandover}
          </Checkbox>
        </Col>
      </FilterBar>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveList
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={list.isFetching}
          rowKey={(row) => row.id}
          columns={pairingColumns(m, actions)}
          renderCard={(row) => <PairingCard row={row} m={m} a={actions} />}
          emptyHint={l.empty}
          sort={values.sort}
          onSort={(sort) => update({ sort })}
          onPage={(p, size) => update({ page: p, pageSize: size === 20 ? undefined : size })}
        />
      )}
      {editing?.kind === 'measures' && <MeasuresDialog row={editing.row} onClose={() => setEditing(null)} />}
      {editing?.kind === 'handover' && <HandoverDialog row={editing.row} onClose={() => setEditing(null)} />}
    </>
  );
}
