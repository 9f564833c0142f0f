/**
 * Imports from spreadsheets (issue 17): one `import_job` row per uploaded file — its county, kind, file name and
 * size, who uploaded it and when, the status of its dry run and apply, the counts, a summary of the problems, and
 * the annotated workbook (the same file back with the bad cells marked). The uploaded file is kept in `source`
 * only until it is applied or abandoned, so an apply started later reads exactly what was checked.
 * Constraints only (Citus). The application role's default privileges cover the table. Frozen once landed.
 * Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

const KINDS = ['org-units', 'members', 'households'];
const STATUSES = ['checking', 'checked', 'applying', 'applied', 'failed', 'cancelled'];
const list = (values: string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_job (
      county_code char(6) not null,
      id integer generated always as identity,
      kind text not null check (kind in (${list(KINDS)})),
      file_name text not null check (length(file_name) between 1 and 200),
      file_size integer not null check (file_size >= 0),
      created_by integer,
      created_by_name text not null default '',
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      status text not null check (status in (${list(STATUSES)})),
      mode text not null default 'household' check (mode in ('household', 'file')),
      counts jsonb not null default '{}',
      problem_count integer not null default 0,
      problems jsonb not null default '[]',
      message text,
      source bytea,
      annotated bytea,
      primary key (county_code, id)
    )`.execute(db);
  await sql`create index import_job_recent on import_job (county_code, created_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table import_job`.execute(db);
}
