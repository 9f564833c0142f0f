/** The demo accounts' reads: the member the demo 'member' account is, and the demo logins printed at start. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * An active member with a current pairing, with their natural village and the helped household's: preferably one
 * whose helped household's grid has a group leader, then one helping in their own natural village, then by id.
 */
export function demoHelperRow(db: Kysely<Database>, county: string) {
  return db
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
}

/** The demo logins to print at start: username, role and the unit's name. */
export function demoLogins(db: Kysely<Database>) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('role_grant as g', 'g.user_id', 'u.id')
    .leftJoin('org_unit as o', (j) => j.onRef('o.county_code', '=', 'g.county_code').onRef('o.code', '=', 'g.org_code'))
    .select(['u.username', 'g.role', 'g.org_code', 'o.name'])
    .where('u.is_demo', '=', true)
    .orderBy('u.id')
    .execute();
}
