/**
 * The early-warning thresholds a county's warnings use: its own row (系统设置) or the code defaults. Read on every
 * warning list (one primary-key lookup), so a change is in force at once, in every process.
 */
import type { Kysely } from 'kysely';
import { findWarningSetting } from '../../db/repositories/settings.ts';
import type { Database } from '../../db/schema.ts';
import { DEFAULT_WARNING_CONFIG, type WarningConfig } from '../../domain/early-warning.ts';

export type SettingRow = NonNullable<Awaited<ReturnType<typeof findWarningSetting>>>;

/** The thresholds of a stored row, or the defaults without one. */
export function configOf(row: SettingRow | undefined): WarningConfig {
  if (!row) return DEFAULT_WARNING_CONFIG;
  return { noHelpDays: row.no_help_days, incomeMultiple: row.income_multiple, newIllnessDays: row.new_illness_days };
}

/** The thresholds the county's warnings use now. */
export async function countyWarningConfig(db: Kysely<Database>, county: string): Promise<WarningConfig> {
  return configOf(await findWarningSetting(db, county));
}
