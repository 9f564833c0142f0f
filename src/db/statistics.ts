/**
 * Planner statistics for tables a batch job has just filled. Only a table's owner may ANALYZE or VACUUM it —
 * PostgreSQL and PGlite skip the others with a mere warning — and jobs run as the application role
 * (app-role.ts), so without stepping back to the owner the demo seed planned its joins on empty statistics
 * (PGlite has no autovacuum at all; on PostgreSQL a seed waited for autovacuum, 20+ minutes under load).
 * Each statement steps back to the session user for itself only and returns to the role it found.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

const setRole = (role: string) => sql.raw(`set role "${role.replaceAll('"', '""')}"`);

/**
 * `analyze` (with `vacuum`: `vacuum analyze`, which also sets the visibility maps index-only scans need) of the
 * whole database outside a transaction, as the owner on one pinned connection.
 */
export async function refreshStatistics(db: Kysely<Database>, { vacuum = false } = {}): Promise<void> {
  await db.connection().execute(async (conn) => {
    const { rows } = await sql<{ role: string }>`select current_user as role`.execute(conn);
    await sql`reset role`.execute(conn);
    try {
      await (vacuum ? sql`vacuum analyze` : sql`analyze`).execute(conn);
    } finally {
      const role = rows[0]?.role;
      if (role) await setRole(role).execute(conn);
    }
  });
}

/** `analyze` of `tables` (all when none) inside `tx`, as the owner for that statement only. */
export async function analyzeTables(tx: Transaction<Database>, tables: readonly string[] = []): Promise<void> {
  const { rows } = await sql<{ role: string }>`select current_user as role`.execute(tx);
  await sql`set local role none`.execute(tx);
  try {
    if (tables.length === 0) await sql`analyze`.execute(tx);
    else await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(tx);
  } finally {
    const role = rows[0]?.role;
    if (role) await sql.raw(`set local role "${role.replaceAll('"', '""')}"`).execute(tx);
  }
}
