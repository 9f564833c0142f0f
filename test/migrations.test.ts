/** Migrations go down as well as up, leaving nothing behind, on both backends. */
import { sql } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { createTestDatabase } from './database.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ asOwner: true, fromScratch: true });
});
afterAll(async () => handle?.close());

async function tables(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(handle.db);
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  it('create the registry tables with the dictionary filled', async () => {
    expect(await tables()).toEqual([
      'activity_attendance',
      'activity_photo',
      'activity_rule',
      'app_setting',
      'app_user',
      'assessment_objection',
      'assessment_round',
      'assistance_photo',
      'assistance_record',
      'assistance_record_version',
      'audit_head',
      'audit_log',
      'audit_pending',
      'commitment',
      'commitment_item',
      'county_monitoring_setting',
      'county_trust_setting',
      'county_warning_setting',
      'dashboard_summary',
      'dictionary',
      'exemplary_member',
      'exit_objection',
      'grid',
      'grid_event',
      'grid_household',
      'grid_member',
      'grid_natural_village',
      'grid_plan',
      'group_instructor',
      'household',
      'household_exit',
      'household_income',
      'household_need',
      'household_person',
      'household_status_event',
      'import_job',
      'match_rejection',
      'member_points',
      'monitoring_case',
      'monitoring_line',
      'notification',
      'org_unit',
      'pairing',
      'party_activity',
      'party_group',
      'party_member',
      'point_adjustment',
      'point_rule',
      'problem',
      'problem_deadline',
      'problem_event',
      'public_feedback',
      'record_confirm_code',
      'record_flag',
      'role_grant',
      'star_rating',
      'star_setting',
      'star_veto',
      'user_session',
    ]);
  });

  it('roll back to an empty schema and apply again', async () => {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => MIGRATIONS } });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await tables()).toEqual([]);
    const again = await migrateToLatest(handle.db);
    expect(again.map((r) => r.status)).toEqual(Object.keys(MIGRATIONS).map(() => 'Success'));
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from dictionary where kind = 'cause'`.execute(
      handle.db,
    );
    expect(rows[0]?.n).toBe(13);
  });
});
