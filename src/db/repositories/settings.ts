/** A county's settings: warning thresholds (one row or none) and its problem-deadline rows. */
import { type Kysely, sql } from 'kysely';
import type { DeadlineOverride } from '../../domain/deadlines.ts';
import type { WarningConfig } from '../../domain/early-warning.ts';
import type { Database } from '../schema.ts';

/** Serialises a county's settings writers for the rest of the transaction (read, check, write without a race). */
export async function lockCountySettings(tx: Kysely<Database>, county: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`settings:${county}`}))`.execute(tx);
}

/** The county's own thresholds with who changed them last, or undefined (defaults). */
export function findWarningSetting(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('county_warning_setting')
    .select(['no_help_days', 'income_multiple', 'new_illness_days', 'updated_at'])
    .where('county_code', '=', county)
    .executeTakeFirst();
}

/** Stores the county's thresholds (insert or replace). */
export async function upsertWarningSetting(tx: Kysely<Database>, county: string, c: WarningConfig, by: number | null) {
  const values = {
    no_help_days: c.noHelpDays,
    income_multiple: c.incomeMultiple,
    new_illness_days: c.newIllnessDays,
    updated_by: by,
    updated_at: new Date(),
  };
  await tx
    .insertInto('county_warning_setting')
    .values({ county_code: county, ...values })
    .onConflict((oc) => oc.column('county_code').doUpdateSet(values))
    .execute();
}

/** Removes the county's thresholds (back to the defaults); whether there was a row. */
export async function deleteWarningSetting(tx: Kysely<Database>, county: string): Promise<boolean> {
  const rows = await tx.deleteFrom('county_warning_setting').where('county_code', '=', county).execute();
  return Number(rows[0]?.numDeletedRows ?? 0) > 0;
}

/** Upserts deadline cells of a county. */
export async function upsertDeadlines(tx: Kysely<Database>, county: string, rows: DeadlineOverride[]) {
  if (rows.length === 0) return;
  await tx
    .insertInto('problem_deadline')
    .values(rows.map((r) => ({ county_code: county, ...r })))
    .onConflict((oc) =>
      oc
        .columns(['county_code', 'category', 'urgency', 'level'])
        .doUpdateSet((eb) => ({ hours: eb.ref('excluded.hours') })),
    )
    .execute();
}

/** Deletes deadline cells of a county (back to the defaults). */
export async function deleteDeadlines(tx: Kysely<Database>, county: string, cells: Omit<DeadlineOverride, 'hours'>[]) {
  if (cells.length === 0) return;
  await tx
    .deleteFrom('problem_deadline')
    .where('county_code', '=', county)
    .where((eb) =>
      eb.or(
        cells.map((c) =>
          eb.and([eb('category', '=', c.category), eb('urgency', '=', c.urgency), eb('level', '=', c.level)]),
        ),
      ),
    )
    .execute();
}
