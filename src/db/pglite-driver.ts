/**
 * Kysely driver for PGlite (inline or in the worker) that gives every acquisition its own session object.
 * Kysely's bundled PGlite driver shares one connection object whose open transaction is plain state on it,
 * so a query from a concurrent request would run inside another request's transaction. Here a query outside
 * a transaction goes to PGlite directly and waits in PGlite's own queue while any transaction holds its lock;
 * a transaction holds that lock from BEGIN to COMMIT/ROLLBACK. Savepoints are not supported.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

/** The part of PGlite's interface used here; PGliteWorkerClient implements it too. */
export type PGliteLike = Pick<PGlite, 'query' | 'transaction' | 'close' | 'waitReady'>;

class RollbackSignal extends Error {}

class PGliteSession implements DatabaseConnection {
  #tx: Transaction | undefined;
  #finish: ((commit: boolean) => void) | undefined;
  #closed: Promise<unknown> | undefined;

  constructor(private readonly pglite: PGliteLike) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.#tx ?? this.pglite;
    const result = await target.query<R>(query.sql, query.parameters as unknown[], { rowMode: 'object' });
    const affected = result.affectedRows;
    return { rows: result.rows, numAffectedRows: affected == null ? undefined : BigInt(affected) };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by PGlite
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results');
  }

  /** Opens a transaction and returns once PGlite has granted it (it holds PGlite's lock until finish). */
  async begin(): Promise<void> {
    let started: () => void = () => {};
    const begun = new Promise<void>((resolve) => {
      started = resolve;
    });
    this.#closed = this.pglite.transaction(async (tx) => {
      this.#tx = tx;
      const commit = await new Promise<boolean>((resolve) => {
        this.#finish = resolve;
        started();
      });
      if (!commit) throw new RollbackSignal();
    });
    // A failure to begin must surface rather than hang.
    await Promise.race([begun, this.#closed]);
  }

  async finish(commit: boolean): Promise<void> {
    this.#finish?.(commit);
    try {
      await this.#closed;
    } catch (error) {
      // The rollback we asked for comes back as our own signal; anything else is a real failure.
      if (!(error instanceof RollbackSignal)) throw error;
    } finally {
      this.#tx = undefined;
      this.#finish = undefined;
      this.#closed = undefined;
    }
  }
}

class PGliteSessionDriver implements Driver {
  constructor(private readonly pglite: PGliteLike) {}
  async init(): Promise<void> {
    await this.pglite.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteSession(this.pglite);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteSession).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteSession).finish(true);
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteSession).finish(false);
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    await this.pglite.close();
  }
}

/** Kysely dialect over a PGlite instance or the worker client. */
export function pgliteSessionDialect(pglite: PGliteLike): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteSessionDriver(pglite),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
