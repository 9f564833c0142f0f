/**
 * 结对帮扶: the pairings of the selected scope — search by member or head name, status, "needs handover", sort
 * and paging in the URL; per current pairing: edit measures, hand over (and the plaque once its page exists).
 */
import { BulbOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth/session.tsx';
import {
  FilterBar,
  FilterCheck,
  FilterSearch,
  FilterSelect,
  optionsOf,
  SortSelect,
} from '../../components/filter-bar.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { type PairingItem, type PairingQuery, usePairingList } from './pairing-api.ts';
import { PairingCard, pairingColumns } from './pairing-columns.tsx';
import { EndPairingDialog, HandoverDialog, MeasuresDialog } from './pairing-dialogs.tsx';
import { pairingMessages } from './pairing-messages.ts';
import './pairings.css';

const KEYS = ['q', 'status', 'needsHandover', 'sort'] as const;

export default function PairingListPage() {
  const m = useMessages(pairingMessages);
  const l = m.list;
  const can = useCan();
  const { county, scope, values, update, base, paging } = useListQuery(KEYS);
  const needsHandover = values.needsHandover === 'true' ? true : undefined;
  const list = usePairingList(county, { ...base, status: values.status, needsHandover } as PairingQuery);
  const [editing, setEditing] = useState<{ row: PairingItem; kind: 'measures' | 'handover' | 'end' } | null>(null);
  const canWrite = can('pairing.write', scope);
  const actions = {
    canWrite: () => canWrite,
    editMeasures: (row: PairingItem) => setEditing({ row, kind: 'measures' }),
    handOver: (row: PairingItem) => setEditing({ row, kind: 'handover' }),
    end: (row: PairingItem) => setEditing({ row, kind: 'end' }),
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
        <SortSelect label={l.sort} value={values.sort} sorts={l.sorts} onChange={(sort) => update({ sort })} />
        <FilterCheck
          label={l.needsHandover}
          value={values.needsHandover}
          onChange={(v) => update({ needsHandover: v })}
          className="pairing-filter-check"
        />
      </FilterBar>
      <PagedList
        list={list}
        {...paging}
        columns={pairingColumns(m, actions)}
        renderCard={(row) => <PairingCard row={row} m={m} a={actions} />}
        emptyHint={l.empty}
      />
      {editing?.kind === 'measures' && <MeasuresDialog row={editing.row} onClose={() => setEditing(null)} />}
      {editing?.kind === 'handover' && <HandoverDialog row={editing.row} onClose={() => setEditing(null)} />}
      {editing?.kind === 'end' && <EndPairingDialog row={editing.row} onClose={() => setEditing(null)} />}
    </>
  );
}
