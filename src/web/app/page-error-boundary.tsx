/**
 * Catches what a page throws while rendering, most often a lazy chunk that failed to download on a weak
 * village connection, and offers a reload instead of a blank screen. Plain markup: the shell must not pull
 * antd's Result (and its illustrations) into the first-screen bundle for a rare case.
 */
import { Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { shellMessages } from './shell-messages.ts';

function CrashNotice({ error }: { error: Error }) {
  const m = useMessages(shellMessages);
  return (
    <div role="alert" className="page-crash">
      <h2>{m.pageCrashed}</h2>
      <p>{m.pageCrashedHint}</p>
      <p className="page-crash-detail">{error.message}</p>
      <Button type="primary" onClick={() => window.location.reload()}>
        {m.reload}
      </Button>
    </div>
  );
}

/** Reset it by changing its `key` (the shell keys it by path, so navigating away clears the error). */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return this.state.error ? <CrashNotice error={this.state.error} /> : this.props.children;
  }
}
