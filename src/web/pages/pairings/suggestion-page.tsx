/**
 * 结对建议: the optimal pairing of the selected scope (or one grid, `?gridId=`) for review — figures, shortfall by
 * village, and the suggestions with reasons; accept, reject or swap per row, or accept the selected rows, starting
 * on a date. Confirmed households drop out of the refreshed suggestions.
 */
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth/session.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ResponsiveList } from '../../components/responsive-list.tsx';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { intParam, useUrlQuery } from '../../components/use-url-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type Suggestions, useSuggestions } from './pairing-api.ts';
import { pairingMessages } from './pairing-messages.ts';
import { SuggestionCard } from './suggestion-cards.tsx';
import { type ReviewRow, suggestionColumns } from './suggestion-columns.tsx';
import { RejectDialog, SwapDialog } from './suggestion-dialogs.tsx';
import { SuggestionSummary } from './suggestion-summary.tsx';
import { Outcome, StartBar } from './suggestion-toolbar.tsx';
import { useReview } from './use-review.ts';
import './pairings.css';
import { businessToday } from '../../auth/business-clock.ts';

const KEYS = ['gridId', 'page', 'pageSize'] as const;

interface ReviewProps {
  data: Suggestions;
  county: string;
  onPage(page: number, size: number): void;
  onReload(): void;
}

function Review({ data, county, onPage, onReload }: ReviewProps) {
  const m = useMessages(pairingMessages).suggestions;
  const can = useCan();
  const review = useReview(county);
  const [startOn, setStartOn] = useState(() => businessToday());
  const [rejecting, setRejecting] = useState<ReviewRow | null>(null);
  const [swapping, setSwapping] = useState<ReviewRow | null>(null);
  const rows = data.suggestions.map(review.toRow);
  const canWrite = can('pairing.write', data.scope.code);
  const actions = {
    canWrite,
    busy: review.busy,
    accept: (row: ReviewRow) => void review.accept([row], startOn),
    reject: setRejecting,
    swap: setSwapping,
  };
  const empty = data.summary.shortfall > 0 ? m.emptyShortfall : m.empty;
  const selectedRows = rows.filter((r) => review.selected.includes(r.suggestion.household.id));
  return (
    <>
      <SuggestionSummary data={data} m={m} />
      <Outcome
        review={review}
        onReload={() => {
          review.clear();
          onReload();
        }}
      />
      {canWrite && rows.length > 0 && (
        <StartBar
          startOn={startOn}
          onStartOn={setStartOn}
          selected={selectedRows.length}
          busy={review.busy}
          onAccept={() => void review.accept(selectedRows, startOn)}
        />
      )}
      <ResponsiveList<ReviewRow>
        rows={rows}
        total={data.total}
        page={data.page}
        pageSize={data.pageSize}
        loading={false}
        rowKey={(r) => r.suggestion.household.id}
        columns={suggestionColumns(m, actions)}
        rowSelection={canWrite ? { selectedRowKeys: review.selected, onChange: review.setSelected } : undefined}
        renderCard={(row) => (
          <SuggestionCard row={row} m={m} actions={actions} selected={review.selected} onSelect={review.setSelected} />
        )}
        emptyHint={empty}
        onPage={onPage}
      />
      {rejecting && (
        <RejectDialog
          county={county}
          row={rejecting}
          onRejected={() => review.swap(rejecting.suggestion.household.id, null)}
          onClose={() => setRejecting(null)}
        />
      )}
      {swapping && (
        <SwapDialog
          row={swapping}
          onClose={() => setSwapping(null)}
          onChoose={(a) => {
            review.swap(swapping.suggestion.household.id, a);
            setSwapping(null);
          }}
        />
      )}
    </>
  );
}

export default function SuggestionPage() {
  const pm = useMessages(pairingMessages);
  const m = pm.suggestions;
  const { county, scope } = useScope();
  const { values, update } = useUrlQuery(KEYS);
  const gridId = intParam(values.gridId, 0) || undefined;
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 100);
  const query = gridId ? { gridId, page, pageSize } : { within: scope, page, pageSize };
  const suggestions = useSuggestions(county, query);
  return (
    <>
      <div className="page-title">
        <Space wrap align="center">
          <Typography.Title level={2}>{m.title}</Typography.Title>
          {gridId && (
            <Tag closable onClose={() => update({ gridId: undefined })} closeIcon={<span title={m.wholeScope}>×</span>}>
              {m.gridScope(gridId)}
            </Tag>
          )}
        </Space>
        <ScopedLink to="/pairings">
          <Button>{pm.list.title}</Button>
        </ScopedLink>
      </div>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      <QueryState query={suggestions}>
        {(data) => (
          <Review
            key={`${data.scope.code}:${data.scope.gridId ?? ''}`}
            data={data}
            county={county}
            onReload={() => void suggestions.refetch()}
            onPage={(p, size) => update({ page: p, pageSize: size === 100 ? undefined : size })}
          />
        )}
      </QueryState>
    </>
  );
}
