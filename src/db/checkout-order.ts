/**
 * The order in which waiting work gets a PostgreSQL connection: oldest request first.
 *
 * A request runs several queries one after another (session, record check, then the service's reads), and each
 * takes a connection from the pool and gives it back. pg's pool serves waiters first come, first served, so under
 * load every later query of a request joins the back of the queue again: a request of k queries waited k times
 * for the whole queue (measured with 200 clients on a pool of 10: ~4 checkouts a request, each waiting ~1.4 s at
 * the median). Ordering the waiters by when their request started lets a request that has begun finish before
 * newer ones start, so it waits for the queue about once, and latency follows the request's own work.
 *
 * The HTTP layer marks each request's start with `inRequestStartedAt`; work outside a request (jobs, the seed,
 * tests) counts from the moment it asks, which keeps it in plain arrival order among the requests.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const started = new AsyncLocalStorage<number>();

/** Runs `fn` (and everything it starts) as part of a request that started at `at` (performance.now()). */
export function inRequestStartedAt<T>(at: number, fn: () => T): T {
  return started.run(at, fn);
}

interface Waiter {
  at: number;
  seq: number;
  resolve: () => void;
}

/** pg-pool's own words for a wait that ran out, which availability.ts reads as "database unavailable" (503). */
export const CHECKOUT_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/** A counting gate of `size` places whose waiters are let in oldest request first (ties: arrival order). */
export class CheckoutQueue {
  readonly #size: number;
  readonly #timeoutMs: number;
  #inUse = 0;
  #seq = 0;
  /** Sorted by (at, seq), oldest first. */
  readonly #waiting: Waiter[] = [];

  /** `timeoutMs`: the longest wait for a place, as pg's pool would wait for a connection (0: no limit). */
  constructor(size: number, timeoutMs = 0) {
    this.#size = size;
    this.#timeoutMs = timeoutMs;
  }

  /** Number of callers waiting for a place (for tests and diagnostics). */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Resolves when the caller holds a place (call `leave()` exactly once afterwards); rejects on the timeout. */
  enter(): Promise<void> {
    if (this.#inUse < this.#size) {
      this.#inUse += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        at: started.getStore() ?? performance.now(),
        seq: this.#seq++,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      if (this.#timeoutMs > 0) {
        timer = setTimeout(() => {
          const index = this.#waiting.indexOf(waiter);
          if (index >= 0) this.#waiting.splice(index, 1);
          reject(new Error(CHECKOUT_TIMEOUT_MESSAGE));
        }, this.#timeoutMs);
      }
      this.#insert(waiter);
    });
  }

  /** Gives a place back: to the oldest waiter, if any. */
  leave(): void {
    const next = this.#waiting.shift();
    if (next) next.resolve();
    else this.#inUse = Math.max(0, this.#inUse - 1);
  }

  #insert(waiter: Waiter): void {
    const list = this.#waiting;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = list[mid] as Waiter;
      if (other.at < waiter.at || (other.at === waiter.at && other.seq < waiter.seq)) low = mid + 1;
      else high = mid;
    }
    list.splice(low, 0, waiter);
  }
}
