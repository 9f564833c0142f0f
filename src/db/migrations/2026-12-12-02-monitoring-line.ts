/**
 * The monitoring line (防止返贫监测范围): yuan per person per year that each province sets for each year since
 * 2021, with the text saying where the figure comes from. Global (province-keyed, like the dictionary): every
 * county of a province reads the same line; a county admin of the province edits it. No row = the line is not
 * known for that year, and the code says so instead of inventing a figure. Frozen once landed. No app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table monitoring_line (
      province_code char(2) not null check (province_code ~ '^[1-9][0-9]$'),
      year smallint not null check (year between 2021 and 2100),
      yuan numeric(10, 2) not null check (yuan > 0 and yuan <= 100000),
      source text not null check (length(btrim(source)) between 1 and 200),
      updated_by integer,
      updated_at timestamptz not null default now(),
      primary key (province_code, year)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table monitoring_line`.execute(db);
}
