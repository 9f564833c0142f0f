/**
 * The database role the application runs as once the schema is migrated: `lianxin_app`, created by migration
 * 2026-12-07-01 with only the privileges the application's own writes need (no DELETE of append-only rows, no
 * UPDATE of history rows or of who a pairing pairs). Migrations run as the connecting user (the owner); every
 * query after `enterApplicationRole` runs as `lianxin_app`, so a raw statement sent through the application's
 * connection meets the same refusals as the application's own code.
 *
 * SET ROLE, not a separate login, because PGlite has a single superuser session and the PostgreSQL URL a county
 * configures is the owner's: one URL keeps setup simple. The session user can still RESET ROLE, so this guards
 * the invariants against the application's statements and against SQL sent through it, not against someone
 * who holds the owner's credentials (docs/security.md).
 */
import { sql } from 'kysely';
import type pg from 'pg';
import type { DatabaseHandle } from './kysely.ts';

export const APP_ROLE = 'lianxin_app';

const setRole = (role: string) => `set role "${role.replaceAll('"', '""')}"`;

/**
 * Switches pooled PostgreSQL connections to a role: each connection, whenever it was opened, runs SET ROLE on
 * its first checkout after `use(role)` (a session setting: it lasts for the connection's life).
 */
export class PoolRole {
  #role: string | undefined;
  readonly #switched = new WeakMap<pg.PoolClient, string>();

  /** Called by the pool wrapper on every checkout, before the client is handed out. */
  readonly apply = async (client: pg.PoolClient): Promise<void> => {
    const role = this.#role;
    if (role === undefined || this.#switched.get(client) === role) return;
    await client.query(setRole(role));
    this.#switched.set(client, role);
  };

  use(role: string): void {
    this.#role = role;
  }
}

/** SET ROLE on PGlite's single session (outside any transaction, so it lasts). */
export async function setSessionRole(db: DatabaseHandle['db'], role: string): Promise<void> {
  await sql.raw(setRole(role)).execute(db);
}

/**
 * Runs every later query of `handle` as the application role, and checks that it took: a role that is missing
 * (migrations not applied) or a superuser would silently keep every privilege.
 */
export async function enterApplicationRole(handle: DatabaseHandle): Promise<void> {
  await handle.enterRole(APP_ROLE);
  const { rows } = await sql<{ role: string; superuser: boolean }>`
    select current_user as role, rolsuper as superuser from pg_roles where rolname = current_user`.execute(handle.db);
  const row = rows[0];
  if (row?.role !== APP_ROLE || row.superuser) {
    throw new Error(`the database session runs as ${row?.role ?? '?'}, not as the non-superuser ${APP_ROLE}`);
  }
}
