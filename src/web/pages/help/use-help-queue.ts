/**
 * The waiting help records as React state, and the sender's schedule: a round when the page opens, when the
 * browser comes back online, after each save, and after a failure with growing pauses.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { backoffMs, flushQueue } from './offline-sender.ts';
import { listQueued, putQueued, type QueuedRecord } from './offline-store.ts';

export interface HelpQueue {
  items: QueuedRecord[];
  sending: boolean;
  /** Saves a record on the device and tries to send it. */
  save(record: QueuedRecord): Promise<void>;
  /** Tries to send now. */
  flush(): void;
}

export function useHelpQueue(onSent?: () => void): HelpQueue {
  const [items, setItems] = useState<QueuedRecord[]>([]);
  const [sending, setSending] = useState(false);
  const failures = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const busy = useRef(false);
  const sentRef = useRef(onSent);
  sentRef.current = onSent;

  const refresh = useCallback(async () => setItems(await listQueued()), []);

  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    clearTimeout(timer.current);
    try {
      const result = await flushQueue();
      if (result.sent > 0) sentRef.current?.();
      failures.current = result.retry ? failures.current + 1 : 0;
      if (result.retry) timer.current = setTimeout(() => void flush(), backoffMs(failures.current));
    } finally {
      busy.current = false;
      setSending(false);
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    void refresh().then(() => flush());
    const online = () => {
      failures.current = 0;
      void flush();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      clearTimeout(timer.current);
    };
  }, [refresh, flush]);

  const save = useCallback(
    async (record: QueuedRecord) => {
      await putQueued(record);
      await refresh();
      if (navigator.onLine) void flush();
    },
    [refresh, flush],
  );

  return { items, sending, save, flush: () => void flush() };
}
