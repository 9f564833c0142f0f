/**
 * A county's early-warning thresholds (预警阈值): read (the county's row or the code defaults), changed and reset
 * to the defaults. Each change is checked (422, every field), written and audited with its field diff in one
 * transaction; after commit the remembered warning lists of the county are dropped so the next list uses them.
 */
import type { Kysely } from 'kysely';
import {
  deleteWarningSetting,
  findWarningSetting,
  lockCountySettings,
  upsertWarningSetting,
} from '../../db/repositories/settings.ts';
import type { Database } from '../../db/schema.ts';
import { DEFAULT_WARNING_CONFIG, type WarningConfig } from '../../domain/early-warning.ts';
import { AppError } from '../../domain/errors.ts';
import { checkWarningConfig, normalizeWarningConfig, WARNING_BOUNDS } from '../../domain/warning-settings.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import { configOf, type SettingRow } from './county-warning-config.ts';

function viewOf(row: SettingRow | undefined) {
  return {
    ...configOf(row),
    isDefault: row === undefined,
    defaults: DEFAULT_WARNING_CONFIG,
    bounds: WARNING_BOUNDS,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

export type WarningSettingsView = ReturnType<typeof viewOf>;

/** The county's thresholds, whether they are the defaults, the defaults and the allowed ranges. */
export async function getWarningSettings(db: Kysely<Database>, county: string): Promise<WarningSettingsView> {
  return viewOf(await findWarningSetting(db, county));
}

/** The fields that differ, as the audit trail keeps them: field → [before, after]. */
function fieldDiff(before: WarningConfig, after: WarningConfig) {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof WarningConfig)[]) {
    if (before[key] !== after[key]) diff[key] = [before[key], after[key]];
  }
  return diff;
}

/** Sets all three thresholds of the county; 422 with every broken range. A change to nothing writes nothing. */
export async function setWarningSettings(db: Kysely<Database>, county: string, input: WarningConfig) {
  const problems = checkWarningConfig(input);
  if (problems.length > 0) throw AppError.rules(problems);
  const next = normalizeWarningConfig(input);
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    await lockCountySettings(tx, county);
    const row = await findWarningSetting(tx, county);
    const diff = fieldDiff(configOf(row), next);
    if (row && Object.keys(diff).length === 0) return;
    // From the defaults to the county's own values: said even when the values equal the defaults.
    if (!row) diff.source = ['default', 'county'];
    await upsertWarningSetting(tx, county, next, currentContext().actorId);
    const action = 'settings.warnings.set';
    ctx.audit({ action, table: 'county_warning_setting', recordId: county, orgCode: county, diff });
    ctx.changed('warnings');
  });
  return getWarningSettings(db, county);
}

/** Goes back to the code defaults (removes the county's row); audited when there was one. */
export async function resetWarningSettings(db: Kysely<Database>, county: string) {
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    await lockCountySettings(tx, county);
    const row = await findWarningSetting(tx, county);
    if (!row) return;
    await deleteWarningSetting(tx, county);
    const diff = {
      ...fieldDiff(configOf(row), DEFAULT_WARNING_CONFIG),
      source: ['county', 'default'] as [unknown, unknown],
    };
    const action = 'settings.warnings.reset';
    ctx.audit({ action, table: 'county_warning_setting', recordId: county, orgCode: county, diff });
    ctx.changed('warnings');
  });
  return getWarningSettings(db, county);
}
