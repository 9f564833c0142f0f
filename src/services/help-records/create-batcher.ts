/**
 * Group commit for a county's writes. Every write of a county appends to its audit chain under one lock held
 * until commit, so one write per transaction caps a county at one commit (an fsync, ~6 ms here) per write.
 * Requests queue here per county; while one batch is written, the next requests gather, and the next call of
 * `write` takes them all: one round trip to check them, one transaction to store them with one chain append.
 * `write` answers each item on its own (a refused item does not fail the others); when it throws instead (a row
 * refused by a constraint after its check, e.g. a need deleted meanwhile), the items are written one by one, so
 * one bad item never fails the others.
 */

/** An item's own answer: its result, or the error its request gets. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Writes one batch of a county's items; one answer per item, in order. */
export type BatchWriter<Item, Result> = (county: string, batch: Item[]) => Promise<Settled<Result>[]>;

interface Pending<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 200;

export class CountyBatcher<Item, Result> {
  private readonly queues = new Map<string, Pending<Item, Result>[]>();
  private readonly running = new Set<string>();
  constructor(private readonly write: BatchWriter<Item, Result>) {}

  /** Queues `item` for the county's next batch; its answer. */
  submit(county: string, item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(county) ?? [];
      queue.push({ item, resolve, reject });
      this.queues.set(county, queue);
      if (!this.running.has(county)) {
        this.running.add(county);
        // Drains after the current task: items submitted together (a sync request's records) share a batch.
        queueMicrotask(() => void this.drain(county));
      }
    });
  }

  private async drain(county: string): Promise<void> {
    try {
      for (let queue = this.queues.get(county); queue && queue.length > 0; queue = this.queues.get(county)) {
        const batch = queue.splice(0, MAX_BATCH);
        try {
          this.answer(
            batch,
            await this.write(
              county,
              batch.map((p) => p.item),
            ),
          );
        } catch (error) {
          if (batch.length === 1) batch[0]?.reject(error);
          else {
            for (const one of batch) {
              await this.write(county, [one.item]).then((answers) => this.answer([one], answers), one.reject);
            }
          }
        }
      }
    } finally {
      this.running.delete(county);
    }
  }

  private answer(batch: Pending<Item, Result>[], answers: Settled<Result>[]): void {
    batch.forEach((pending, i) => {
      const answer = answers[i];
      if (answer?.ok) pending.resolve(answer.value);
      else pending.reject(answer ? answer.error : new Error('batch writer gave no answer'));
    });
  }
}
