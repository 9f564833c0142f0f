/**
 * One demo account per role in the demo county, all with the password DEMO_PASSWORD, marked `is_demo` (refused
 * at login and for existing sessions when NODE_ENV=production). Each role sits where it naturally works:
 * admins and the auditor on the county or a township, the others in a village of it (or a natural village); the
 * member account is a member of its natural village (role_grant.member_id), so it writes its own commitments;
 * the group leader account is the member who leads the grid of its natural village, so it verifies there.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import { hashPassword } from '../access/passwords.ts';

export const DEMO_PASSWORD = 'lianxin2026';

/**
 * The Party member the demo 'member' account is: the first active member of its natural village who can help
 * households (capacity > 0), so the account has pairings and commitments of its own; null in an empty village.
 */
async function demoMemberOf(db: Kysely<Database>, county: string, naturalVillage: string): Promise<number | null> {
  const row = await db
    .selectFrom('party_member')
    .select('id')
    .where('county_code', '=', county)
    .where('natural_village_code', '=', naturalVillage)
    .where('status', '=', 'active')
    .where('capacity', '>', 0)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** The member leading, now, the party group of the grid that holds `naturalVillage` (null when none). */
async function demoLeaderOf(db: Kysely<Database>, county: string, naturalVillage: string): Promise<number | null> {
  const row = await db
    .selectFrom('grid_natural_village as gnv')
    .innerJoin('grid as g', (j) => j.onRef('g.county_code', '=', 'gnv.county_code').onRef('g.id', '=', 'gnv.grid_id'))
    .innerJoin('party_group as pg', (j) =>
      j.onRef('pg.county_code', '=', 'g.county_code').onRef('pg.grid_id', '=', 'g.id'),
    )
    .select('pg.leader_member_id')
    .where('gnv.county_code', '=', county)
    .where('gnv.natural_village_code', '=', naturalVillage)
    .where('gnv.ended_at', 'is', null)
    .where('g.retired_at', 'is', null)
    .where('pg.retired_at', 'is', null)
    .where('pg.leader_member_id', 'is not', null)
    .orderBy('gnv.piece')
    .limit(1)
    .executeTakeFirst();
  return row?.leader_member_id == null ? null : Number(row.leader_member_id);
}

/** Creates the demo accounts (idempotent: existing demo usernames are skipped). */
export async function writeDemoAccounts(db: Kysely<Database>, county: string): Promise<void> {
  const units = await db
    .selectFrom('org_unit')
    .select(['code', 'level'])
    .where('county_code', '=', county)
    .orderBy('code')
    .execute();
  // The first village that has natural villages, and its township (a small seed leaves some townships empty).
  const natural = units.find((u) => u.level === 'natural_village')?.code ?? county;
  const village = natural.length === 15 ? natural.slice(0, 12) : county;
  const township = village.length === 12 ? village.slice(0, 9) : county;
  const places: Record<Role, string> = {
    county_admin: county,
    township_admin: township,
    village_secretary: village,
    instructor: village,
    group_leader: natural,
    member: natural,
    auditor: county,
  };
  const linked: Partial<Record<Role, number | null>> = {
    member: await demoMemberOf(db, county, natural),
    group_leader: await demoLeaderOf(db, county, natural),
  };
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [role, orgCode] of Object.entries(places) as Array<[Role, string]>) {
    const username = `demo_${role}`;
    const exists = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
    if (exists) continue;
    const { id } = await db
      .insertInto('app_user')
      .values({ username, display_name: `演示·${role}`, password_hash: hash, is_demo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_grant')
      .values({
        county_code: county,
        user_id: id,
        role,
        org_code: orgCode,
        member_id: linked[role] ?? null,
      })
      .execute();
  }
}

/** The demo logins to print at start: username, role and the unit's name. */
export async function demoLogins(db: Kysely<Database>) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('role_grant as g', 'g.user_id', 'u.id')
    .leftJoin('org_unit as o', (j) => j.onRef('o.county_code', '=', 'g.county_code').onRef('o.code', '=', 'g.org_code'))
    .select(['u.username', 'g.role', 'g.org_code', 'o.name'])
    .where('u.is_demo', '=', true)
    .orderBy('u.id')
    .execute();
}
