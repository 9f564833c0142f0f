/**
 * One demo account per role in the demo county, all with the password DEMO_PASSWORD, marked `is_demo` (refused
 * at login and for existing sessions when NODE_ENV=production). Each role sits where it naturally works:
 * admins and the auditor on the county or a township, the others around one household the demo member helps now:
 * the member account is a Party member with current pairings (role_grant.member_id), so it records help visits
 * and writes its own commitments; the group leader account is the member who leads the grid of that household's
 * natural village, so it verifies those records; the village secretary and instructor sit in its village and the
 * township admin in its township, so every role's main journey meets the same records on the shipped demo.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Role } from '../domain/access/roles.ts';
import { hashPassword } from '../services/access/passwords.ts';

export const DEMO_PASSWORD = 'lianxin2026';

/** Where the demo member account works: its member, their natural village and one they help now. */
interface DemoHelper {
  memberId: number;
  memberVillage: string;
  /** The natural village of a household the member helps now (the group leader verifies there). */
  helpedVillage: string;
}

/**
 * The Party member the demo 'member' account is: an active member who helps at least one household now (a
 * current pairing), so the phone journey — record a help visit for a paired household — can start at once.
 * Preferred: one whose helped household lives in a natural village whose grid has a group leader (who then
 * verifies the record), and in the member's own natural village. Null when the county has no current pairing.
 */
async function demoHelperOf(db: Kysely<Database>, county: string): Promise<DemoHelper | null> {
  const row = await db
    .selectFrom('pairing as p')
    .innerJoin('party_member as pm', (j) =>
      j.onRef('pm.county_code', '=', 'p.county_code').onRef('pm.id', '=', 'p.member_id'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .leftJoin('grid_natural_village as gnv', (j) =>
      j
        .onRef('gnv.county_code', '=', 'h.county_code')
        .onRef('gnv.natural_village_code', '=', 'h.natural_village_code')
        .on('gnv.ended_at', 'is', null),
    )
    .leftJoin('party_group as pg', (j) =>
      j
        .onRef('pg.county_code', '=', 'gnv.county_code')
        .onRef('pg.grid_id', '=', 'gnv.grid_id')
        .on('pg.retired_at', 'is', null)
        .on('pg.leader_member_id', 'is not', null),
    )
    .select(['pm.id', 'pm.natural_village_code as memberVillage', 'h.natural_village_code as helpedVillage'])
    .where('p.county_code', '=', county)
    .where('p.ended_on', 'is', null)
    .where('pm.status', '=', 'active')
    .orderBy(sql`(pg.leader_member_id is null)`)
    .orderBy(sql`(pm.natural_village_code <> h.natural_village_code)`)
    .orderBy('pm.id')
    .limit(1)
    .executeTakeFirst();
  if (!row?.memberVillage) return null;
  return { memberId: Number(row.id), memberVillage: row.memberVillage, helpedVillage: row.helpedVillage };
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

/** The county's first natural village (a county without current pairings: an empty demo). */
async function firstNaturalVillage(db: Kysely<Database>, county: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('org_unit')
    .select('code')
    .where('county_code', '=', county)
    .where('level', '=', 'natural_village')
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  return row?.code;
}

/** Creates the demo accounts (idempotent: existing demo usernames are skipped). */
export async function writeDemoAccounts(db: Kysely<Database>, county: string): Promise<void> {
  const helper = await demoHelperOf(db, county);
  // The helped household's natural village, its village and township: every role then meets the same records.
  const natural = helper?.helpedVillage ?? (await firstNaturalVillage(db, county)) ?? county;
  const village = natural.length === 15 ? natural.slice(0, 12) : county;
  const township = village.length === 12 ? village.slice(0, 9) : county;
  const places: Record<Role, string> = {
    county_admin: county,
    township_admin: township,
    village_secretary: village,
    instructor: village,
    group_leader: natural,
    member: helper?.memberVillage ?? natural,
    auditor: county,
  };
  const linked: Partial<Record<Role, number | null>> = {
    member: helper?.memberId ?? null,
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
