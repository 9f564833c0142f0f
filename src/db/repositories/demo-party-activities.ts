/**
 * The demo seed's queries for Party group activities (src/demo/party-activities.ts): the county's groups with
 * their current members, the demo group leader's group, dating the groups' setting-up in business time, and the
 * identities moved past the rows the seed wrote with explicit ids.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export interface DemoGroup {
  id: number;
  gridId: number;
  leaderMemberId: number | null;
  activityAddress: string;
}

/** The county's current groups, by id. */
export async function demoGroups(db: Kysely<Database>, county: string): Promise<DemoGroup[]> {
  return db
    .selectFrom('party_group as pg')
    .innerJoin('grid as g', (j) => j.onRef('g.county_code', '=', 'pg.county_code').onRef('g.id', '=', 'pg.grid_id'))
    .select([
      'pg.id',
      'pg.grid_id as gridId',
      'pg.leader_member_id as leaderMemberId',
      'pg.activity_address as activityAddress',
    ])
    .where('pg.county_code', '=', county)
    .where('pg.retired_at', 'is', null)
    .where('g.retired_at', 'is', null)
    .orderBy('pg.id')
    .execute();
}

/** Every current, active member of a grid of the county: grid, member, whether they work away; by grid, member. */
export async function demoGridMembers(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('grid_member as gm')
    .innerJoin('party_member as pm', (j) =>
      j.onRef('pm.county_code', '=', 'gm.county_code').onRef('pm.id', '=', 'gm.member_id'),
    )
    .select(['gm.grid_id as gridId', 'pm.id as memberId', 'pm.is_migrant as migrant'])
    .where('gm.county_code', '=', county)
    .where('gm.left_at', 'is', null)
    .where('pm.status', '=', 'active')
    .orderBy('gm.grid_id')
    .orderBy('pm.id')
    .execute();
}

/** The member the demo group leader account is (null without one). */
export async function demoLeaderMember(db: Kysely<Database>, county: string): Promise<number | null> {
  const row = await db
    .selectFrom('role_grant as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('r.member_id')
    .where('r.county_code', '=', county)
    .where('u.username', '=', 'demo_group_leader')
    .executeTakeFirst();
  return row?.member_id ?? null;
}

/** Dates the groups' setting-up at `at` (business time): the seed writes grids at real time, before the history. */
export async function dateDemoGroups(db: Kysely<Database>, county: string, at: string): Promise<void> {
  await db.updateTable('party_group').set({ created_at: at }).where('county_code', '=', county).execute();
}

/** The largest activity id so far (0 for none): the seed numbers its activities after it. */
export async function maxActivityId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('party_activity')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Moves the activity identity past the ids the seed wrote. */
export async function resetActivityIdentity(db: Kysely<Database>): Promise<void> {
  await sql`select setval(pg_get_serial_sequence('party_activity', 'id'), max_id)
    from (select max(id) as max_id from party_activity) m where max_id is not null`.execute(db);
}
