/**
 * The frame every registry list shares: title with an add button, the area's filters, then the list or the
 * server's error. Paging and sorting write to the URL query through `update`, like the filters.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import type { ReactNode } from 'react';
import { ErrorResult } from './query-state.tsx';
import { ResponsiveList } from './responsive-list.tsx';
import { ScopedLink } from './scoped-link.tsx';
import type { UrlValue } from './use-url-query.ts';

type ListValues = { sort?: UrlValue; page?: UrlValue; pageSize?: UrlValue };

export interface ListPageProps<T> {
  title: string;
  addLabel: string;
  addPath: string;
  /** Whether the user may add here (role-aware actions); shown when omitted. */
  canAdd?: boolean;
  filters: ReactNode;
  list: UseQueryResult<{ items: T[]; total: number }>;
  page: number;
  pageSize: number;
  sort: string | undefined;
  update: (patch: ListValues) => void;
  columns: ColumnsType<T>;
  renderCard: (row: T) => ReactNode;
  emptyHint: string;
}

export function ListPage<T extends { id: number }>(props: ListPageProps<T>) {
  const { list, update } = props;
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{props.title}</Typography.Title>
        {(props.canAdd ?? true) && (
          <ScopedLink to={props.addPath}>
            <Button type="primary" icon={<PlusOutlined />}>
              {props.addLabel}
            </Button>
          </ScopedLink>
        )}
      </div>
      {props.filters}
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveList
          rows={list.data?.items}
          total={list.data?.total ?? 0}
          page={props.page}
          pageSize={props.pageSize}
          loading={list.isFetching}
          rowKey={(row) => row.id}
          columns={props.columns}
          renderCard={props.renderCard}
          emptyHint={props.emptyHint}
          sort={props.sort}
          onSort={(sort) => update({ sort })}
          onPage={(p, size) => update({ page: p, pageSize: size === 20 ? undefined : size })}
        />
      )}
    </>
  );
}
