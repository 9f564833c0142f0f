/**
 * Runs the overdue sweep every N minutes inside the server (LIANXIN_SWEEP_MINUTES, default 15; 0 disables).
 * Never two sweeps at once: a tick while one runs is skipped. `stop()` clears the timer and waits for a running
 * sweep, so the database is not closed under it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type SweepResult, sweepOverdue } from './sweep-overdue.ts';

export interface SweepScheduler {
  /** Runs one sweep now unless one is running (then null). */
  tick(): Promise<SweepResult | null>;
  stop(): Promise<void>;
}

/** The interval in minutes from the environment (default 15, 0 = off; nonsense = default). */
export function sweepMinutesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LIANXIN_SWEEP_MINUTES;
  if (raw === undefined || raw.trim() === '') return 15;
  const minutes = Number(raw);
  return Number.isFinite(minutes) && minutes >= 0 ? minutes : 15;
}

/** Starts the scheduler; `onResult`/`onError` report each sweep (the server logs them). */
export function startSweepScheduler(
  db: Kysely<Database>,
  minutes: number,
  report: { onResult?: (r: SweepResult) => void; onError?: (e: unknown) => void } = {},
): SweepScheduler {
  let running: Promise<SweepResult | null> | null = null;
  const tick = (): Promise<SweepResult | null> => {
    if (running) return Promise.resolve(null);
    running = sweepOverdue(db)
      .then((r) => {
        report.onResult?.(r);
        return r;
      })
      .catch((e: unknown) => {
        report.onError?.(e);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = minutes > 0 ? setInterval(() => void tick(), minutes * 60_000) : null;
  timer?.unref();
  return {
    tick,
    stop: async () => {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
