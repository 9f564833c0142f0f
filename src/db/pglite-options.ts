import type { PGliteOptions } from '@electric-sql/pglite';

/**
 * Type parsers shared by both backends so rows look the same on PGlite and PostgreSQL:
 * dates stay 'YYYY-MM-DD' strings (no time-zone shifts), numeric and bigint become JS numbers
 * (all our amounts and ids fit in a double).
 */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: Number, // int8
  1700: Number, // numeric
  1082: (value) => value, // date
};

/** Options for every PGlite we open: the data directory (undefined = in memory) and our parsers. */
export function pgliteOptions(dataDir: string | undefined): PGliteOptions {
  return {
    dataDir,
    parsers: TYPE_PARSERS,
    // fsync is off in PGlite anyway; relaxed durability lets a write return before the file sync (docs/operations.md).
    relaxedDurability: true,
    // PostgreSQL's 128 MB default buffer pool is most of PGlite's resident memory; the county's hot pages fit in
    // 32 MB and the rest come from the OS page cache (measured: same query speed, ~100 MB less RSS).
    postgresqlconf: ['shared_buffers=32MB'],
  };
}
