/**
 * Pre-aggregated dashboard figures: one row per org unit (natural village, village, township, county) holding
 * that unit's counts as JSON. Natural-village rows are computed from the registries; each level above is the sum
 * of its children. A county dashboard then reads ~21 small rows instead of aggregating 16,000 households and
 * 21,000 members (~56 ms on PGlite, DESIGN.md §7). JSON rather than one column per code because the counted
 * codes (causes, expertise, willingness) come from the dictionary, which grows without migrations.
 * Every registry write rewrites four rows (natural village → county) and PGlite has no autovacuum: half-empty
 * pages (fillfactor 50) let those updates stay on their page (HOT) and be pruned there, so the table does not bloat.
 * Frozen once landed. Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dashboard_summary (
      county_code char(6) not null,
      code varchar(15) not null,
      parent_code varchar(15),
      level text not null check (level in ('county', 'township', 'village', 'natural_village')),
      figures jsonb not null,
      refreshed_at timestamptz not null default now(),
      primary key (county_code, code),
      foreign key (county_code, code) references org_unit (county_code, code)
    ) with (fillfactor = 50)`.execute(db);
  await sql`create index dashboard_summary_parent on dashboard_summary (county_code, parent_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table dashboard_summary`.execute(db);
}
