/**
 * The frame every registry list shares: title with an add button, the area's filters, then the list or the
 * server's error. Paging and sorting write to the URL query through `update`, like the filters.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PagedList, type PagedListProps } from './paged-list.tsx';
import { ScopedLink } from './scoped-link.tsx';

export interface ListPageProps<T> extends PagedListProps<T> {
  title: string;
  addLabel: string;
  addPath: string;
  /** Whether the user may add here (role-aware actions); shown when omitted. */
  canAdd?: boolean;
  filters: ReactNode;
}

/** A registry list page: title and add button, filters, then the paged list. */
export function ListPage<T extends { id: number }>(props: ListPageProps<T>) {
  const { title, addLabel, addPath, canAdd, filters, ...list } = props;
  return (
    <>
      <div className="page-title">
        <Typography.Title level={2}>{title}</Typography.Title>
        {(canAdd ?? true) && (
          <ScopedLink to={addPath}>
            <Button type="primary" icon={<PlusOutlined />}>
              {addLabel}
            </Button>
          </ScopedLink>
        )}
      </div>
      {filters}
      <PagedList {...list} />
    </>
  );
}
