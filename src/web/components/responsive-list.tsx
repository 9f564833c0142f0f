/**
 * A server-paged list: a table on desktop (scrolling inside its own box when wide) and a list of cards on
 * phones, where a table would push the page sideways. Sorting and paging are reported, never done locally.
 */
import { Empty, Pagination, Skeleton, Spin, Table } from 'antd';
import type { ColumnsType, SorterResult, TableRowSelection } from 'antd/es/table/interface.js';
import type { Key, ReactNode } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { componentMessages } from './components-messages.ts';
import { useIsPhone } from './use-is-phone.ts';

export interface ResponsiveListProps<T> {
  rows: T[] | undefined;
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  rowKey: (row: T) => Key;
  /** Columns whose `key` is an API sort field and `sorter: true` sort on the server. */
  columns: ColumnsType<T>;
  renderCard: (row: T) => ReactNode;
  emptyHint: string;
  /** Omitted where the list has one fixed order. */
  sort?: string | undefined;
  onSort?: (sort: string | undefined) => void;
  onPage: (page: number, pageSize: number) => void;
  /** Fixed page size (no size changer) where the API pages by a fixed size. */
  fixedPageSize?: boolean;
  /** Class of a table row (the card marks itself). */
  rowClassName?: (row: T) => string;
  /** The table's scroll width; default: as wide as its content. */
  scrollX?: number;
  testId?: string;
  /** Checkboxes on the table's rows (a card shows its own where the page offers selection on a phone). */
  rowSelection?: TableRowSelection<T> | undefined;
}

/** `sort=field` / `sort=-field` shown on the column it belongs to. */
function withSortOrder<T>(columns: ColumnsType<T>, sort: string | undefined): ColumnsType<T> {
  return columns.map((c) => {
    if (!c.sorter) return c;
    const order = sort === c.key ? 'ascend' : sort === `-${String(c.key)}` ? 'descend' : null;
    return { ...c, sortOrder: order };
  });
}

export function ResponsiveList<T extends object>(props: ResponsiveListProps<T>) {
  const m = useMessages(componentMessages);
  const isPhone = useIsPhone();
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyHint} />;
  const pagination = {
    current: props.page,
    pageSize: props.pageSize,
    total: props.total,
    showSizeChanger: !isPhone && !props.fixedPageSize,
    showTotal: m.total,
    onChange: props.onPage,
  };

  // Before the first answer there is nothing to show yet: a skeleton, not an empty list reading "no data".
  if (props.rows === undefined && props.loading) {
    return <Skeleton active className="list-loading" paragraph={{ rows: isPhone ? 4 : 8 }} />;
  }

  if (isPhone) {
    return (
      <Spin spinning={props.loading}>
        {props.rows?.length === 0 ? empty : null}
        <div className="card-list" data-testid={props.testId}>
          {props.rows?.map((row) => (
            <div key={props.rowKey(row)}>{props.renderCard(row)}</div>
          ))}
        </div>
        {props.total > 0 && <Pagination className="list-pagination" size="small" simple {...pagination} />}
      </Spin>
    );
  }

  return (
    <Table<T>
      rowKey={props.rowKey}
      columns={withSortOrder(props.columns, props.sort)}
      dataSource={props.rows}
      loading={props.loading}
      size="middle"
      data-testid={props.testId}
      rowClassName={props.rowClassName}
      rowSelection={props.rowSelection}
      scroll={{ x: props.scrollX ?? 'max-content' }}
      locale={{ emptyText: empty }}
      pagination={pagination}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort') return;
        const s = sorter as SorterResult<T>;
        props.onSort?.(s.order ? `${s.order === 'descend' ? '-' : ''}${String(s.columnKey)}` : undefined);
      }}
    />
  );
}
