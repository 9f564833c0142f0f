/**
 * Results remembered per county until the county's data changes. Used where a read is asked far more often than
 * the data behind it changes (list totals, dashboard bodies). An entry is reused while no write of that county
 * was announced through this process (`changed`), and for at most `ttlMs`, which bounds how stale it can be when
 * another process (a batch job, a second server on the same PostgreSQL) writes.
 */
/**
 * What a committed write says it changed. Each memo follows the topics that make it stale; the write envelope
 * (services/write.ts) announces a write's topics after it commits, so no writer calls a memo by hand.
 */
export type Topic = 'households' | 'warnings' | 'thingsDone' | 'dashboard' | 'activities' | 'assessment';

const followers = new Map<Topic, Array<{ changed(county: string): void }>>();

/** Makes `memo` stale whenever a write of a county announces one of `topics`; returns the memo. */
export function follow<M extends { changed(county: string): void }>(memo: M, ...topics: Topic[]): M {
  for (const topic of topics) followers.set(topic, [...(followers.get(topic) ?? []), memo]);
  return memo;
}

/** Tells every memo following one of `topics` that `county` changed (each memo once). */
export function announce(county: string, topics: Iterable<Topic>): void {
  const memos = new Set<{ changed(county: string): void }>();
  for (const topic of topics) for (const memo of followers.get(topic) ?? []) memos.add(memo);
  for (const memo of memos) memo.changed(county);
}

interface Entry<T> {
  value: T;
  version: number;
  at: number;
}

export class CountyMemo<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #versions = new Map<string, number>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 2_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call after a write of the county has committed. */
  changed(county: string): void {
    this.#versions.set(county, (this.#versions.get(county) ?? 0) + 1);
  }

  /** The value for `key` in `county`, computed by `compute` unless a fresh one is remembered. */
  async get(county: string, key: string, compute: () => Promise<T>): Promise<T> {
    const entryKey = `${county}|${key}`;
    const version = this.#versions.get(county) ?? 0;
    const hit = this.#entries.get(entryKey);
    if (hit && hit.version === version && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = await compute();
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    // The version read before computing: a write that landed meanwhile makes this entry stale at once.
    this.#entries.set(entryKey, { value, version, at: this.now() });
    return value;
  }
}
