/** Queries of the demo's points and stars (src/demo/party-points.ts): the records it picks and the steps it dates. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Active members with a verified help record in `year`, by id: the ones a township would single out. */
export async function demoHelpers(db: Kysely<Database>, county: string, year: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select distinct r.member_id as id from assistance_record r
    join party_member m on m.county_code = r.county_code and m.id = r.member_id and m.status = 'active'
    where r.county_code = ${county} and r.status = 'verified'
      and r.visited_on >= ${`${year}-01-01`}::date and r.visited_on < ${`${year + 1}-01-01`}::date
    order by 1`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** Active members absent from an activity of `year`: candidates for a deduction. */
export async function demoAbsentees(db: Kysely<Database>, county: string, year: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select distinct a.member_id as id from activity_attendance a
    join party_activity p on p.county_code = a.county_code and p.id = a.activity_id
    where a.county_code = ${county} and a.status = 'absent'
      and p.held_on >= ${`${year}-01-01`}::date and p.held_on < ${`${year + 1}-01-01`}::date
    order by 1`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** Returned help records of `year` (evidence of a fabricated record), by id. */
export async function demoReturnedRecords(db: Kysely<Database>, county: string, year: number) {
  const { rows } = await sql<{ id: number; memberId: number }>`
    select id, member_id as "memberId" from assistance_record
    where county_code = ${county} and status = 'returned'
      and visited_on >= ${`${year}-01-01`}::date and visited_on < ${`${year + 1}-01-01`}::date
    order by id limit 20`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), memberId: Number(r.memberId) }));
}

/** Pairings of active members, by id (evidence of an abandoned pairing). */
export async function demoPairings(db: Kysely<Database>, county: string) {
  const { rows } = await sql<{ id: number; memberId: number }>`
    select p.id, p.member_id as "memberId" from pairing p
    join party_member m on m.county_code = p.county_code and m.id = p.member_id and m.status = 'active'
    where p.county_code = ${county} order by p.id limit 50`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), memberId: Number(r.memberId) }));
}

export async function insertDemoAdjustments(
  db: Kysely<Database>,
  rows: ReadonlyArray<{
    county_code: string;
    member_id: number;
    year: number;
    kind: 'bonus' | 'deduction';
    points: number;
    reason: string;
    status: 'pending' | 'approved' | 'rejected';
    requested_by: number | null;
    requested_on: string;
    decided_by: number | null;
    decided_on: string | null;
  }>,
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('point_adjustment')
      .values([...rows])
      .execute();
}

export async function insertDemoVetoes(
  db: Kysely<Database>,
  rows: ReadonlyArray<{
    county_code: string;
    member_id: number;
    year: number;
    code: 'abandoned_pairing' | 'fabricated_record';
    pairing_id: number | null;
    record_id: number | null;
    reason: string;
    status: 'pending' | 'approved';
    requested_by: number | null;
    requested_on: string;
    decided_by: number | null;
    decided_on: string | null;
  }>,
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('star_veto')
      .values([...rows])
      .execute();
}

/**
 * The reviews already given in the demo's open year: the members of groups whose leader reviewed (the group's
 * stars are the computed ones, dated `on`) and the demo member's own self-assessment.
 */
export async function dateDemoReviews(
  db: Kysely<Database>,
  county: string,
  year: number,
  leaders: readonly number[],
  selfMember: number | null,
  on: string,
): Promise<void> {
  if (leaders.length > 0) {
    await sql`
      update star_rating s set group_stars = s.computed_stars, group_comment = '党小组评议通过', group_on = ${on}
      from grid_member gm
      join party_group g on g.county_code = gm.county_code and g.grid_id = gm.grid_id and g.retired_at is null
      where s.county_code = ${county} and s.year = ${year} and s.computed_stars is not null
        and gm.county_code = ${county} and gm.member_id = s.member_id and gm.left_at is null
        and g.leader_member_id in (${sql.join(leaders.map((id) => sql`${id}`))})`.execute(db);
  }
  if (selfMember !== null) {
    await sql`
      update star_rating set self_stars = coalesce(computed_stars, 3), self_comment = '认真参加组织生活，坚持入户帮扶',
        self_on = ${on}
      where county_code = ${county} and year = ${year} and member_id = ${selfMember}
        and exempt_reason is null`.execute(db);
  }
}

/** Group leaders of the county by member id (the first `n`), and the member a demo account names. */
export async function demoLeaders(db: Kysely<Database>, county: string, n: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select leader_member_id as id from party_group
    where county_code = ${county} and leader_member_id is not null and retired_at is null
    order by id limit ${n}`.execute(db);
  return rows.map((r) => Number(r.id));
}

export async function demoAccountMember(db: Kysely<Database>, username: string): Promise<number | null> {
  const row = await db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select('g.member_id')
    .where('u.username', '=', username)
    .executeTakeFirst();
  return row?.member_id == null ? null : Number(row.member_id);
}
