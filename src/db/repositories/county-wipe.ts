/**
 * Removes every row of one county: used only to clear a demo seed that stopped half-way (killed, crashed) before
 * it is seeded again. Tables are found in the catalog (every table with a county_code column) and emptied of the
 * county children first, following the foreign keys, so a table added later is wiped without a change here.
 * Accounts whose every grant was in the county go too (the demo's accounts).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

interface Edge {
  child: string;
  parent: string;
}

async function countyTables(db: Kysely<Database>): Promise<{ tables: string[]; edges: Edge[] }> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'county_code' and not a.attisdropped
     where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition`.execute(db);
  const edges = await sql<Edge>`
    select distinct c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = current_schema() and k.conrelid <> k.confrelid`.execute(db);
  return { tables: tables.rows.map((r) => r.name), edges: edges.rows };
}

/** Children before parents (self-references need no order: one statement deletes both ends). */
function deletionOrder(tables: string[], edges: Edge[]): string[] {
  const remaining = new Set(tables);
  const order: string[] = [];
  while (remaining.size > 0) {
    const leaf = [...remaining].find((t) => !edges.some((e) => e.parent === t && remaining.has(e.child)));
    if (!leaf)
      throw new Error(`cannot order the county tables for deletion: a foreign-key cycle among ${[...remaining]}`);
    order.push(leaf);
    remaining.delete(leaf);
  }
  return order;
}

/** Deletes every row of `countyCode`, and the accounts granted only there, in one transaction. */
export async function wipeCounty(db: Kysely<Database>, countyCode: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // Clearing a stopped seed is the owner's job: the application role may not delete append-only rows
    // (db/app-role.ts), and this transaction alone steps back to the session's own role.
    await sql`set local role none`.execute(tx);
    const { tables, edges } = await countyTables(tx);
    const users = await tx.selectFrom('role_grant').select('user_id').where('county_code', '=', countyCode).execute();
    for (const table of deletionOrder(tables, edges)) {
      await sql`delete from ${sql.table(table)} where county_code = ${countyCode}`.execute(tx);
    }
    const ids = [...new Set(users.map((u) => Number(u.user_id)))];
    if (ids.length === 0) return;
    const orphans = tx
      .selectFrom('app_user')
      .select('id')
      .where('id', 'in', ids)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('role_grant').select('user_id').whereRef('role_grant.user_id', '=', 'app_user.id'))),
      );
    await tx.deleteFrom('user_session').where('user_id', 'in', orphans).execute();
    await tx.deleteFrom('app_user').where('id', 'in', orphans).execute();
  });
}
