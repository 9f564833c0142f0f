/**
 * 网格 list of the selected scope: search, "groups without a leader", sort and paging in the URL; when the scope
 * is a village, the village's grid map above the list (click an area to open its grid).
 */
import { ApartmentOutlined, PieChartOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, type ColProps, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { FilterBar, FilterCheck, FilterSearch, SortSelect } from '../../components/filter-bar.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { ScopedLink, useScopedHref } from '../../components/scoped-link.tsx';
import { useListQuery } from '../../components/use-list-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { type GridQuery, useGridList } from './grid-api.ts';
import { GridCardRow, gridColumns } from './grid-columns.tsx';
import { GridMap } from './grid-map.tsx';
import { gridMessages } from './grid-messages.ts';
import './grids.css';

const KEYS = ['q', 'withoutLeader', 'sort'] as const;
/** Two wide filters (sort, the checkbox) rather than the usual row of narrow selects. */
const FILTER_COLS: ColProps = { xs: 24, sm: 12, lg: 6 };

export default function GridListPage() {
  const m = useMessages(gridMessages);
  const navigate = useNavigate();
  const href = useScopedHref();
  const { county, scope, values, update, base, paging } = useListQuery(KEYS);
  const withoutLeader = values.withoutLeader === 'true' ? true : undefined;
  const list = useGridList(county, { ...base, withoutLeader } as GridQuery);
  const village = scope.length >= 12 ? scope.slice(0, 12) : undefined;

  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{m.title}</Typography.Title>
        <Space wrap>
          <ScopedLink to="/grid-plans">
            <Button icon={<ApartmentOutlined />}>{m.planLink}</Button>
          </ScopedLink>
          <ScopedLink to="/coverage">
            <Button icon={<PieChartOutlined />}>{m.coverageLink}</Button>
          </ScopedLink>
          {village && (
            <ScopedLink to={`/plaques?village=${village}`}>
              <Button icon={<PrinterOutlined />}>{m.plaquesLink}</Button>
            </ScopedLink>
          )}
        </Space>
      </div>
      {village ? (
        <Card
          size="small"
          title={m.mapTitle}
          extra={<span className="grid-hint">{m.mapHint}</span>}
          className="grid-map-card"
        >
          <GridMap
            county={county}
            village={village}
            label={m.mapIndicator}
            empty={m.mapEmpty}
            onOpen={(id) => navigate(href(`/grids/${id}`))}
          />
        </Card>
      ) : (
        <Typography.Paragraph type="secondary">{m.chooseVillage}</Typography.Paragraph>
      )}
      <FilterBar
        active={[values.withoutLeader, values.sort].filter(Boolean).length}
        search={<FilterSearch label={m.search} value={values.q} onSearch={(q) => update({ q })} />}
      >
        <SortSelect
          label={m.sortLabel}
          value={values.sort}
          sorts={m.sorts}
          onChange={(sort) => update({ sort })}
          cols={FILTER_COLS}
        />
        <FilterCheck
          label={m.withoutLeader}
          value={values.withoutLeader}
          onChange={(v) => update({ withoutLeader: v })}
          className="grid-filter-check"
          cols={FILTER_COLS}
        />
      </FilterBar>
      <PagedList
        list={list}
        {...paging}
        columns={gridColumns(m)}
        renderCard={(row) => <GridCardRow row={row} />}
        emptyHint={m.empty}
      />
    </>
  );
}
