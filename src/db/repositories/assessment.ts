/**
 * The assessment's requests and steps: manual point items and recorded vetoes (requested, then decided by
 * someone else), the review steps of one rating, the round's stage, objections during a notice, and the
 * exemplary shortlist (评先评优). Lists are by scope (the member's natural village) and year.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { StarRatingTable } from '../schema-points.ts';
import { likeEscape, type Page, type PageRequest, pageWindow } from './paging.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertAdjustment(
  tx: Transaction<Database>,
  row: {
    county_code: string;
    member_id: number;
    year: number;
    kind: 'bonus' | 'deduction';
    points: number;
    reason: string;
    requested_by: number | null;
    requested_on: string;
  },
): Promise<number> {
  const { id } = await tx.insertInto('point_adjustment').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** A request row (adjustment or veto), locked for its decision. */
export async function lockRequest(
  tx: Transaction<Database>,
  table: 'point_adjustment' | 'star_veto',
  county: string,
  id: number,
) {
  const { rows } = await sql<{ member_id: number; year: number; status: string; requested_by: number | null }>`
    select member_id, year, status, requested_by from ${sql.table(table)}
    where county_code = ${county} and id = ${id} for update`.execute(tx);
  return rows[0];
}

export async function decideRequest(
  tx: Transaction<Database>,
  table: 'point_adjustment' | 'star_veto',
  county: string,
  id: number,
  decision: { status: 'approved' | 'rejected'; decided_by: number | null; decided_on: string },
): Promise<void> {
  await sql`
    update ${sql.table(table)} set status = ${decision.status}, decided_by = ${decision.decided_by},
      decided_on = ${decision.decided_on}
    where county_code = ${county} and id = ${id}`.execute(tx);
}

export async function insertVeto(
  tx: Transaction<Database>,
  row: {
    county_code: string;
    member_id: number;
    year: number;
    code: 'abandoned_pairing' | 'fabricated_record';
    pairing_id: number | null;
    record_id: number | null;
    reason: string;
    requested_by: number | null;
    requested_on: string;
  },
): Promise<number> {
  const { id } = await tx.insertInto('star_veto').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** The pairing of a member (for an abandoned-pairing veto's evidence). */
export async function memberPairing(db: Db, county: string, memberId: number, pairingId: number) {
  return db
    .selectFrom('pairing')
    .select(['id'])
    .where('county_code', '=', county)
    .where('id', '=', pairingId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** The help record of a member with its status (a fabricated-record veto needs it returned). */
export async function memberHelpRecord(db: Db, county: string, memberId: number, recordId: number) {
  return db
    .selectFrom('assistance_record')
    .select(['id', 'status'])
    .where('county_code', '=', county)
    .where('id', '=', recordId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** Requests (adjustments and vetoes) of a scope, newest first. */
export interface RequestRow {
  kind: 'adjustment' | 'veto';
  id: number;
  memberId: number;
  memberName: string;
  naturalVillageCode: string;
  year: number;
  item: string;
  points: number | null;
  evidenceId: number | null;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: number | null;
  requestedOn: string;
  decidedOn: string | null;
}

export async function listRequests(
  db: Db,
  county: string,
  filter: { within: string; year?: number | undefined; status?: string | undefined },
): Promise<RequestRow[]> {
  const year = filter.year ?? null;
  const status = filter.status ?? null;
  const { rows } = await sql<RequestRow>`
    select r.*, m.name as "memberName", m.natural_village_code as "naturalVillageCode" from (
      select 'adjustment' as kind, a.id, a.member_id as "memberId", a.year, a.kind as item,
        a.points::float8 as points, null::bigint as "evidenceId", a.reason, a.status,
        a.requested_by as "requestedBy", a.requested_on as "requestedOn", a.decided_on as "decidedOn"
      from point_adjustment a where a.county_code = ${county}
      union all
      select 'veto', v.id, v.member_id, v.year, v.code, null, coalesce(v.pairing_id, v.record_id), v.reason, v.status,
        v.requested_by, v.requested_on, v.decided_on
      from star_veto v where v.county_code = ${county}
    ) r
    join party_member m on m.county_code = ${county} and m.id = r."memberId"
    where m.natural_village_code like ${`${likeEscape(filter.within)}%`}
      and (${year}::int is null or r.year = ${year}::int) and (${status}::text is null or r.status = ${status}::text)
    order by r."requestedOn" desc, r.kind, r.id desc
    limit 200`.execute(db);
  return rows;
}

/** Review columns of one rating (a step's stars, comment, who and when). */
export async function updateRating(
  tx: Transaction<Database>,
  county: string,
  year: number,
  memberId: number,
  values: Partial<Omit<StarRatingTable, 'county_code' | 'year' | 'member_id'>>,
): Promise<void> {
  await tx
    .updateTable('star_rating')
    .set(values)
    .where('county_code', '=', county)
    .where('year', '=', year)
    .where('member_id', '=', memberId)
    .execute();
}

/** The leader of a member's current Party group (through their grid), or null. */
export async function groupLeaderOf(db: Db, county: string, memberId: number): Promise<number | null> {
  const row = await db
    .selectFrom('grid_member as gm')
    .innerJoin('party_group as g', (j) =>
      j.onRef('g.county_code', '=', 'gm.county_code').onRef('g.grid_id', '=', 'gm.grid_id'),
    )
    .select('g.leader_member_id')
    .where('gm.county_code', '=', county)
    .where('gm.member_id', '=', memberId)
    .where('gm.left_at', 'is', null)
    .where('g.retired_at', 'is', null)
    .executeTakeFirst();
  return row?.leader_member_id === null || row?.leader_member_id === undefined ? null : Number(row.leader_member_id);
}

export async function lockRound(tx: Transaction<Database>, county: string, year: number) {
  const { rows } = await sql<{
    stage: 'review' | 'notice' | 'final';
    notice_from: string | null;
    exemplary_stage: 'notice' | 'final' | null;
    exemplary_notice_from: string | null;
    computed_at: Date | null;
  }>`select stage, notice_from, exemplary_stage, exemplary_notice_from, computed_at from assessment_round
     where county_code = ${county} and year = ${year} for update`.execute(tx);
  return rows[0];
}

export async function updateRound(
  tx: Transaction<Database>,
  county: string,
  year: number,
  values: Partial<{
    stage: 'review' | 'notice' | 'final';
    notice_from: string | null;
    finalized_on: string | null;
    exemplary_stage: 'notice' | 'final' | null;
    exemplary_notice_from: string | null;
    exemplary_finalized_on: string | null;
  }>,
): Promise<void> {
  await tx
    .updateTable('assessment_round')
    .set(values)
    .where('county_code', '=', county)
    .where('year', '=', year)
    .execute();
}

/** Gives every rated member of the year their final stars: the branch's, else the computed. */
export async function finalizeRatings(tx: Transaction<Database>, county: string, year: number): Promise<number> {
  const result = await sql`
    update star_rating set final_stars = coalesce(branch_stars, computed_stars)
    where county_code = ${county} and year = ${year} and computed_stars is not null`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

export async function openObjections(db: Db, county: string, year: number, target: 'rating' | 'exemplary') {
  const row = await db
    .selectFrom('assessment_objection')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('county_code', '=', county)
    .where('year', '=', year)
    .where('target', '=', target)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertObjection(
  tx: Transaction<Database>,
  row: {
    county_code: string;
    year: number;
    member_id: number;
    target: 'rating' | 'exemplary';
    content: string;
    raised_by: number | null;
    raised_on: string;
  },
): Promise<number> {
  const { id } = await tx.insertInto('assessment_objection').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function lockObjection(tx: Transaction<Database>, county: string, id: number) {
  const { rows } = await sql<{ member_id: number; year: number; target: 'rating' | 'exemplary'; status: string }>`
    select member_id, year, target, status from assessment_objection
    where county_code = ${county} and id = ${id} for update`.execute(tx);
  return rows[0];
}

export async function resolveObjectionRow(
  tx: Transaction<Database>,
  county: string,
  id: number,
  values: { status: 'upheld' | 'dismissed'; resolution: string; resolved_by: number | null; resolved_on: string },
): Promise<void> {
  await tx
    .updateTable('assessment_objection')
    .set(values)
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

export interface ObjectionRow {
  id: number;
  year: number;
  memberId: number;
  memberName: string;
  target: 'rating' | 'exemplary';
  content: string;
  raisedOn: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  resolvedOn: string | null;
}

export async function listObjections(db: Db, county: string, year: number, within: string): Promise<ObjectionRow[]> {
  const { rows } = await sql<ObjectionRow>`
    select o.id, o.year, o.member_id as "memberId", m.name as "memberName", o.target, o.content,
      o.raised_on as "raisedOn", o.status, o.resolution, o.resolved_on as "resolvedOn"
    from assessment_objection o
    join party_member m on m.county_code = o.county_code and m.id = o.member_id
    where o.county_code = ${county} and o.year = ${year}
      and m.natural_village_code like ${`${likeEscape(within)}%`}
    order by o.status = 'open' desc, o.id desc limit 200`.execute(db);
  return rows;
}

/** One row of the ratings list. */
export interface RatingListRow {
  memberId: number;
  memberName: string;
  naturalVillageCode: string;
  naturalVillageName: string | null;
  score: number;
  byScore: number | null;
  computedStars: number | null;
  selfStars: number | null;
  groupStars: number | null;
  branchStars: number | null;
  finalStars: number | null;
  vetoCode: string | null;
  lowered: 'quota' | 'veto' | null;
  exemptReason: string | null;
}

export async function listRatings(
  db: Db,
  county: string,
  year: number,
  filter: PageRequest & { within: string; stars?: number | undefined; q?: string | undefined },
): Promise<Page<RatingListRow>> {
  const { page, pageSize, offset } = pageWindow(filter);
  const stars = filter.stars ?? null;
  const q = filter.q ? `%${likeEscape(filter.q)}%` : null;
  const where = sql`s.county_code = ${county} and s.year = ${year}
    and s.natural_village_code like ${`${likeEscape(filter.within)}%`}
    and (${stars}::int is null or coalesce(s.final_stars, s.branch_stars, s.computed_stars) = ${stars}::int)
    and (${q}::text is null or m.name like ${q}::text)`;
  const { rows } = await sql<RatingListRow>`
    select s.member_id as "memberId", m.name as "memberName", s.natural_village_code as "naturalVillageCode",
      nv.name as "naturalVillageName", s.score::float8 as score, s.by_score as "byScore",
      s.computed_stars as "computedStars", s.self_stars as "selfStars", s.group_stars as "groupStars",
      s.branch_stars as "branchStars", s.final_stars as "finalStars", s.veto_code as "vetoCode", s.lowered,
      s.exempt_reason as "exemptReason"
    from star_rating s
    join party_member m on m.county_code = s.county_code and m.id = s.member_id
    left join org_unit nv on nv.county_code = s.county_code and nv.code = s.natural_village_code
    where ${where}
    order by s.score desc, s.member_id
    limit ${pageSize} offset ${offset}`.execute(db);
  const { rows: count } = await sql<{ n: number }>`
    select count(*)::int as n from star_rating s
    join party_member m on m.county_code = s.county_code and m.id = s.member_id
    where ${where}`.execute(db);
  return { items: rows, total: count[0]?.n ?? 0, page, pageSize };
}

/** Candidates for 评先评优: final ratings of 4 or 5 stars without a veto, best first, with their township. */
export async function exemplaryCandidates(db: Db, county: string, year: number) {
  const { rows } = await sql<{ memberId: number; township: string; stars: number; score: number }>`
    select s.member_id as "memberId", left(s.natural_village_code, 9) as township, s.final_stars as stars,
      s.score::float8 as score
    from star_rating s
    join party_member m on m.county_code = s.county_code and m.id = s.member_id and m.status = 'active'
    where s.county_code = ${county} and s.year = ${year} and s.final_stars >= 4 and s.veto_code is null
    order by township, s.final_stars desc, s.score desc, s.member_id`.execute(db);
  return rows;
}

export async function replaceShortlist(
  tx: Transaction<Database>,
  county: string,
  year: number,
  rows: ReadonlyArray<{ member_id: number; township_code: string; rank: number; stars: number; score: number }>,
): Promise<void> {
  await tx.deleteFrom('exemplary_member').where('county_code', '=', county).where('year', '=', year).execute();
  if (rows.length > 0) {
    await tx
      .insertInto('exemplary_member')
      .values(rows.map((r) => ({ county_code: county, year, ...r })))
      .execute();
  }
}

export async function setExemplaryStatus(
  tx: Transaction<Database>,
  county: string,
  year: number,
  memberId: number | null,
  from: 'shortlisted',
  to: 'removed' | 'final',
): Promise<number> {
  let q = tx
    .updateTable('exemplary_member')
    .set({ status: to })
    .where('county_code', '=', county)
    .where('year', '=', year)
    .where('status', '=', from);
  if (memberId !== null) q = q.where('member_id', '=', memberId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface ExemplaryRow {
  memberId: number;
  memberName: string;
  townshipCode: string;
  townshipName: string | null;
  naturalVillageName: string | null;
  rank: number;
  stars: number;
  score: number;
  status: 'shortlisted' | 'removed' | 'final';
}

export async function listExemplary(db: Db, county: string, year: number, within: string): Promise<ExemplaryRow[]> {
  const { rows } = await sql<ExemplaryRow>`
    select e.member_id as "memberId", m.name as "memberName", e.township_code as "townshipCode",
      t.name as "townshipName", nv.name as "naturalVillageName", e.rank, e.stars, e.score::float8 as score, e.status
    from exemplary_member e
    join party_member m on m.county_code = e.county_code and m.id = e.member_id
    left join org_unit t on t.county_code = e.county_code and t.code = e.township_code
    left join org_unit nv on nv.county_code = e.county_code and nv.code = m.natural_village_code
    where e.county_code = ${county} and e.year = ${year} and m.natural_village_code like ${`${likeEscape(within)}%`}
    order by e.township_code, e.rank`.execute(db);
  return rows;
}

/** Whether a member is on the year's shortlist (an objection to 评先 names one). */
export async function onShortlist(db: Db, county: string, year: number, memberId: number): Promise<boolean> {
  const row = await db
    .selectFrom('exemplary_member')
    .select('member_id')
    .where('county_code', '=', county)
    .where('year', '=', year)
    .where('member_id', '=', memberId)
    .where('status', '=', 'shortlisted')
    .executeTakeFirst();
  return row !== undefined;
}

/** Years of a county whose points were computed and whose stars are not final (a rule change re-scores them). */
export async function computedYears(db: Db, county: string): Promise<number[]> {
  const rows = await db
    .selectFrom('assessment_round')
    .select('year')
    .where('county_code', '=', county)
    .where('computed_at', 'is not', null)
    .where('stage', '<>', 'final')
    .orderBy('year')
    .execute();
  return rows.map((r) => Number(r.year));
}
