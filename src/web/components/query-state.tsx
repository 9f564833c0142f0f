/**
 * Loading, error and success of one query in one place, so every page shows the same skeleton, the same error
 * (the server's message and request ID, with a retry) and only renders its content once data is there.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Result, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useMessages } from '../i18n/i18n.tsx';
import { componentMessages } from './components-messages.ts';

/** The server's message for an error, or a network hint when the server never answered. */
export function useErrorText(): (error: unknown) => string {
  const m = useMessages(componentMessages);
  return (error) => {
    if (error instanceof ApiError) return error.message;
    if (error instanceof TypeError) return m.offline; // fetch rejects with TypeError when offline
    return error instanceof Error ? error.message : String(error);
  };
}

/** The request ID to quote to support, copyable. */
export function RequestId({ error }: { error: unknown }) {
  const m = useMessages(componentMessages);
  if (!(error instanceof ApiError) || !error.requestId) return null;
  return (
    <Typography.Text type="secondary" className="request-id">
      {m.requestId}: <Typography.Text copyable>{error.requestId}</Typography.Text>
    </Typography.Text>
  );
}

/** The server's field problems of a failed request ("capacity: 不能大于 2"), if any. */
function ProblemList({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.details.length === 0) return null;
  return (
    <ul className="problem-list">
      {error.details.map((d) => (
        <li key={`${d.path}:${d.code}`}>{d.path ? `${d.path}: ${d.message}` : d.message}</li>
      ))}
    </ul>
  );
}

/** A full-width error result; 404 reads as "not found (or outside your scope)". */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const m = useMessages(componentMessages);
  const errorText = useErrorText();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? m.notFound : m.loadFailed}
      subTitle={
        <>
          <div>{notFound ? m.notFoundHint : errorText(error)}</div>
          <ProblemList error={error} />
          <RequestId error={error} />
        </>
      }
      extra={onRetry && !notFound ? <Button onClick={onRetry}>{m.retry}</Button> : undefined}
    />
  );
}

/** A compact error inside a card or section. */
export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const m = useMessages(componentMessages);
  const errorText = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? m.loadFailed}
      description={
        <>
          <div>{errorText(error)}</div>
          <ProblemList error={error} />
          <RequestId error={error} />
        </>
      }
      action={onRetry ? <Button onClick={onRetry}>{m.retry}</Button> : undefined}
    />
  );
}

/** Renders `children(data)` once the query has data; a skeleton before, an error result on failure. */
export function QueryState<T>(props: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  compact?: boolean;
  rows?: number;
}) {
  const { query, compact } = props;
  if (query.isPending) return <Skeleton active paragraph={{ rows: props.rows ?? 6 }} />;
  if (query.isError) {
    const retry = () => void query.refetch();
    return compact ? (
      <ErrorAlert error={query.error} onRetry={retry} />
    ) : (
      <ErrorResult error={query.error} onRetry={retry} />
    );
  }
  return <>{props.children(query.data)}</>;
}
