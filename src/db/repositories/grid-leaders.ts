/**
 * Who leads which grid now, as the access rules of group leaders read it: the current (not retired) party group of
 * a current grid names its leader (party_group.leader_member_id). A household's grid is its grid_household row
 * when its natural village is split into pieces, else the current grid of its whole natural village.
 */
import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.ts';

type Ref = Expression<unknown> | RawBuilder<unknown> | number | string;

/**
 * True when member `leader` (a value or a ref such as `g.member_id`) leads the grid of the household
 * (`householdId`, living in natural village `nv`): a condition for a where clause.
 */
export function leads(county: string, leader: Ref, householdId: Ref, nv: Ref) {
  return sql<boolean>`exists (
    select 1 from party_group pg
    join grid gr on gr.county_code = pg.county_code and gr.id = pg.grid_id
    where pg.county_code = ${county} and pg.retired_at is null and gr.retired_at is null
      and pg.leader_member_id = ${leader}
      and (gr.id in (select gh.grid_id from grid_household gh
                     where gh.county_code = ${county} and gh.household_id = ${householdId})
        or gr.id in (select gnv.grid_id from grid_natural_village gnv
                     where gnv.county_code = ${county} and gnv.natural_village_code = ${nv}
                       and gnv.ended_at is null and gnv.pieces = 1)))`;
}

/** True when one of `memberIds` leads the household's grid (see {@link leads}); false for no members. */
export function ledByAny(county: string, memberIds: readonly number[], householdId: Ref, nv: Ref) {
  if (memberIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    memberIds.map((id) => leads(county, id, householdId, nv)),
    sql` or `,
  )})`;
}

/** The current grids whose current party group is led by one of `memberIds`: grid and leading member. */
export async function gridsLedBy(
  db: Kysely<Database>,
  county: string,
  memberIds: readonly number[],
): Promise<Array<{ gridId: number; memberId: number }>> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom('party_group as pg')
    .innerJoin('grid as gr', (j) => j.onRef('gr.county_code', '=', 'pg.county_code').onRef('gr.id', '=', 'pg.grid_id'))
    .select(['gr.id', 'pg.leader_member_id'])
    .where('pg.county_code', '=', county)
    .where('pg.retired_at', 'is', null)
    .where('gr.retired_at', 'is', null)
    .where('pg.leader_member_id', 'in', [...memberIds])
    .execute();
  return rows.map((r) => ({ gridId: Number(r.id), memberId: Number(r.leader_member_id) }));
}

/**
 * The grids household `householdId` belongs to now (see {@link leads}): where it is placed (grid_household, its
 * natural village split into pieces), and the current grid of its whole natural village.
 */
export async function householdGridIds(db: Kysely<Database>, county: string, householdId: number): Promise<number[]> {
  const { rows } = await sql<{ grid_id: number }>`
    select gh.grid_id from grid_household gh where gh.county_code = ${county} and gh.household_id = ${householdId}
    union
    select gnv.grid_id from household h
    join grid_natural_village gnv on gnv.county_code = h.county_code and gnv.natural_village_code = h.natural_village_code
    where h.county_code = ${county} and h.id = ${householdId} and gnv.ended_at is null and gnv.pieces = 1`.execute(db);
  return rows.map((r) => Number(r.grid_id));
}

/**
 * Current party groups of current grids, joined to their grids' current natural-village links: who leads which
 * natural village now (party_group.leader_member_id, null for a group without a leader).
 */
function currentLeadership(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('party_group as pg')
    .innerJoin('grid as gr', (j) => j.onRef('gr.county_code', '=', 'pg.county_code').onRef('gr.id', '=', 'pg.grid_id'))
    .innerJoin('grid_natural_village as gnv', (j) =>
      j.onRef('gnv.county_code', '=', 'gr.county_code').onRef('gnv.grid_id', '=', 'gr.id'),
    )
    .where('pg.county_code', '=', county)
    .where('pg.retired_at', 'is', null)
    .where('gr.retired_at', 'is', null)
    .where('gnv.ended_at', 'is', null);
}

/** Whether member `memberId` leads, now, a party group whose grid has a current natural village under `orgCode`. */
export async function leadsGroupWithin(
  db: Kysely<Database>,
  county: string,
  memberId: number,
  orgCode: string,
): Promise<boolean> {
  const row = await currentLeadership(db, county)
    .select('pg.id')
    .where('pg.leader_member_id', '=', memberId)
    .where('gnv.natural_village_code', 'like', `${orgCode}%`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The member leading, now, the party group of the grid that holds natural village `nv` (of its first piece, when
 * the village is split), or undefined when none does.
 */
export async function leaderOfNaturalVillage(db: Kysely<Database>, county: string, nv: string) {
  const row = await currentLeadership(db, county)
    .select('pg.leader_member_id')
    .where('gnv.natural_village_code', '=', nv)
    .where('pg.leader_member_id', 'is not', null)
    .orderBy('gnv.piece')
    .limit(1)
    .executeTakeFirst();
  return row?.leader_member_id == null ? undefined : Number(row.leader_member_id);
}
