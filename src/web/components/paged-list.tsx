/**
 * A list query's result as the page shows it: the server's error (with a retry) or the responsive list, whose
 * paging and sorting write to the URL query like the filters do. Every paged list of the app goes through here
 * (registries, problem inbox and overdue board, warnings, pairing suggestions, audit trail).
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table/interface.js';
import type { Key, ReactNode } from 'react';
import { ErrorResult } from './query-state.tsx';
import { ResponsiveList, type ResponsiveListProps } from './responsive-list.tsx';
import { DEFAULT_PAGE_SIZE, type ListPaging } from './use-list-query.ts';

type Passed = 'fixedPageSize' | 'rowClassName' | 'scrollX' | 'testId' | 'rowSelection';

export interface PagedListProps<T> extends ListPaging, Pick<ResponsiveListProps<T>, Passed> {
  list: UseQueryResult<{ items: T[]; total: number }>;
  columns: ColumnsType<T>;
  renderCard: (row: T) => ReactNode;
  emptyHint: string;
  /** The row's key; `row.id` when omitted. */
  rowKey?: (row: T) => Key;
  /** Rows as shown, when the page derives them from the answer (e.g. a review state per row). */
  rows?: T[] | undefined;
}

const byId = (row: object) => (row as { id: Key }).id;

/** The error result, or the page of rows as a table (desktop) or cards (phone). */
export function PagedList<T extends object>(props: PagedListProps<T>) {
  const { list, update } = props;
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <ResponsiveList
      rows={props.rows ?? list.data?.items}
      total={list.data?.total ?? 0}
      page={props.page}
      pageSize={props.pageSize}
      loading={list.isFetching}
      rowKey={props.rowKey ?? byId}
      columns={props.columns}
      renderCard={props.renderCard}
      emptyHint={props.emptyHint}
      sort={props.sort}
      onSort={(sort) => update({ sort })}
      // the default size stays out of the URL, so a shared link reads the same as a fresh visit
      onPage={(page, size) => update({ page, pageSize: size === DEFAULT_PAGE_SIZE ? undefined : size })}
      fixedPageSize={props.fixedPageSize}
      rowClassName={props.rowClassName}
      scrollX={props.scrollX}
      testId={props.testId}
      rowSelection={props.rowSelection}
    />
  );
}
