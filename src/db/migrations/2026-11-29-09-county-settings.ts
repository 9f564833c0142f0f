/**
 * A county's early-warning thresholds (预警阈值, 防返贫监测): one row per county that changed them; no row means
 * the code defaults (domain/early-warning.ts). The ranges are CHECKs as well as domain rules, so a write that
 * slips past the service (a script, a race) still cannot store a threshold the warning rules were not meant for.
 * Problem deadlines keep their own table (`problem_deadline`, migration 07).
 * Frozen once landed. Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table county_warning_setting (
      county_code char(6) primary key,
      no_help_days smallint not null check (no_help_days between 7 and 365),
      -- a multiple of the poverty line in steps of 0.05 (1.00, 1.05, … 3.00)
      income_multiple numeric(3, 2) not null
        check (income_multiple between 1 and 3 and income_multiple * 20 = trunc(income_multiple * 20)),
      new_illness_days smallint not null check (new_illness_days between 7 and 365),
      updated_by integer,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table county_warning_setting`.execute(db);
}
