/**
 * Seals audit entries after their transaction commits, on the committing connection, before the transaction's
 * promise resolves: every write's entries are in the chain when its caller goes on (an HTTP answer, a test's next
 * line), though no writer held the chain head while it worked.
 *
 * A dialect wrapper, so it holds for every transaction of the application whichever service opens it. A
 * connection is marked when it runs the staging statement (STAGE_AUDIT_SQL, exact text); on commit its counties
 * are sealed; on rollback the staged rows are gone with the transaction and the mark is dropped. A staging
 * statement outside any transaction is sealed at once.
 *
 * Seals of one county coalesce within the process: while one runs, every writer that commits meanwhile waits for
 * the next run, which seals all their entries at once (on the first waiter's connection, so no connection is
 * taken from the pool while others are held). A seal that fails (connection lost) leaves the entries staged; the
 * county's next seal takes them, and `lianxin audit verify` reports them meanwhile.
 */
import type { DatabaseConnection, Dialect, Driver, TransactionSettings } from 'kysely';
import { CompiledQuery } from 'kysely';
import { type SealConnection, STAGE_AUDIT_SQL, sealStagedEntries } from './repositories/audit.ts';

interface Marked {
  inner: DatabaseConnection;
  inTransaction: boolean;
  counties: Set<string>;
}

class SealingDriver implements Driver {
  readonly #inner: Driver;
  /** The wrapper handed to Kysely → its connection's state. */
  readonly #marks = new WeakMap<DatabaseConnection, Marked>();
  /** Per county: the run in progress and the run queued behind it (joined by every writer that commits meanwhile). */
  readonly #runs = new Map<string, { running: Promise<void>; queued?: Promise<void> }>();

  constructor(inner: Driver) {
    this.#inner = inner;
    // Savepoints pass through unchanged (their work commits or rolls back with the enclosing transaction).
    for (const name of ['savepoint', 'rollbackToSavepoint', 'releaseSavepoint'] as const) {
      const method = inner[name];
      if (method) {
        this[name] = (connection, savepoint, compile) =>
          method.call(inner, this.#unwrap(connection), savepoint, compile);
      }
    }
  }

  savepoint?: Driver['savepoint'];
  rollbackToSavepoint?: Driver['rollbackToSavepoint'];
  releaseSavepoint?: Driver['releaseSavepoint'];

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.#inner.acquireConnection();
    const mark: Marked = { inner, inTransaction: false, counties: new Set() };
    const execute = async (query: CompiledQuery, options?: unknown) => {
      const result = await inner.executeQuery(query, options as never);
      if (query.sql === STAGE_AUDIT_SQL) {
        const county = String(query.parameters[0]);
        if (mark.inTransaction) mark.counties.add(county);
        else await this.#seal(inner, county);
      }
      return result;
    };
    const wrapper = new Proxy(inner, {
      get: (target, property) => {
        if (property === 'executeQuery') return execute;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    this.#marks.set(wrapper, mark);
    return wrapper;
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    return this.#marks.get(connection)?.inner ?? connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.#inner.beginTransaction(this.#unwrap(connection), settings);
    const mark = this.#marks.get(connection);
    if (mark) {
      mark.inTransaction = true;
      mark.counties.clear();
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const mark = this.#marks.get(connection);
    const counties = mark ? [...mark.counties] : [];
    if (mark) {
      mark.inTransaction = false;
      mark.counties.clear();
    }
    await this.#inner.commitTransaction(this.#unwrap(connection));
    for (const county of counties) await this.#seal(this.#unwrap(connection), county);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const mark = this.#marks.get(connection);
    if (mark) {
      mark.inTransaction = false;
      mark.counties.clear();
    }
    await this.#inner.rollbackTransaction(this.#unwrap(connection));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(this.#unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }

  /** Resolves once a seal that started after this call has run (so it saw this caller's committed entries). */
  #seal(connection: DatabaseConnection, county: string): Promise<void> {
    const state = this.#runs.get(county);
    if (state?.queued) return state.queued;
    const run = async () => {
      const current = this.#runs.get(county);
      if (current) current.queued = undefined;
      try {
        await sealStagedEntries(this.#sealConnection(connection), county);
      } catch (error) {
        process.emitWarning(`audit entries of ${county} left staged: ${(error as Error).message}`);
      }
    };
    const next = (state?.running ?? Promise.resolve()).then(run);
    const entry = { running: next, queued: next };
    this.#runs.set(county, entry);
    void next.finally(() => {
      if (this.#runs.get(county) === entry) this.#runs.delete(county);
    });
    return next;
  }

  #sealConnection(connection: DatabaseConnection): SealConnection {
    return {
      query: async <R>(text: string, parameters: readonly unknown[]) =>
        (await connection.executeQuery<R>(CompiledQuery.raw(text, [...parameters]))).rows,
      transaction: async <T>(work: () => Promise<T>) => {
        await this.#inner.beginTransaction(connection, {});
        try {
          const result = await work();
          await this.#inner.commitTransaction(connection);
          return result;
        } catch (error) {
          await this.#inner.rollbackTransaction(connection);
          throw error;
        }
      },
    };
  }
}

/** The dialect with audit entries sealed after commit (see above). */
export function withAuditSeal(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new SealingDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
