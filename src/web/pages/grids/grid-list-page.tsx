/**
 * 网格 list of the selected scope: search, "groups without a leader", sort and paging in the URL; when the scope
 * is a village, the village's grid map above the list (click an area to open its grid).
 */
import { ApartmentOutlined, PieChartOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Input, Select, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { FilterBar } from '../../components/filter-bar.tsx';
import { ErrorResult } from '../../components/query-state.tsx';
import { ResponsiveList } from '../../components/responsive-list.tsx';
import { ScopedLink, useScopedHref } from '../../components/scoped-link.tsx';
import { intParam, useUrlQuery } from '../../components/use-url-query.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type GridQuery, useGridList } from './grid-api.ts';
import { GridCardRow, gridColumns } from './grid-columns.tsx';
import { GridMap } from './grid-map.tsx';
import { gridMessages } from './grid-messages.ts';
import './grids.css';

const KEYS = ['q', 'withoutLeader', 'sort', 'page', 'pageSize'] as const;

export default function GridListPage() {
  const m = useMessages(gridMessages);
  const { county, scope } = useScope();
  const navigate = useNavigate();
  const href = useScopedHref();
  const { values, update } = useUrlQuery(KEYS);
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20);
  const query = {
    within: scope,
    q: values.q,
    withoutLeader: values.withoutLeader === 'true' ? true : undefined,
    sort: values.sort,
    page,
    pageSize,
  } as GridQuery;
  const list = useGridList(county, query);
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
        search={
          <Input.Search
            key={values.q ?? ''}
            aria-label={m.search}
            placeholder={m.search}
            defaultValue={values.q}
            allowClear
            enterButton
            onSearch={(q) => update({ q: q.trim() })}
          />
        }
      >
        <Col xs={24} sm={12} lg={6}>
          <Select
            aria-label={m.sortLabel}
            placeholder={m.sortLabel}
            allowClear
            value={values.sort}
            options={Object.entries(m.sorts).map(([value, label]) => ({ value, label }))}
            onChange={(sort: string | undefined) => update({ sort })}
          />
        </Col>
        <Col xs={24} sm={12} lg={6} className="grid-filter-check">
          <Checkbox
            checked={values.withoutLeader === 'true'}
            onChange={(e) => update({ withoutLeader: e.target.checked ? 'true' : undefined })}
          >
            {m.withoutLeader}
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
          columns={gridColumns(m)}
          renderCard={(row) => <GridCardRow row={row} />}
          emptyHint={m.empty}
          sort={values.sort}
          onSort={(sort) => update({ sort })}
          onPage={(p, size) => update({ page: p, pageSize: size === 20 ? undefined : size })}
        />
      )}
    </>
  );
}
