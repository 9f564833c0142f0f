/**
 * Star ratings (星级评定): a county's point rules and star settings, the inputs of the yearly recompute (active
 * members, exemptions, vetoes), its results (member_points, star_rating, written in one statement each from a JSON
 * array so 21,000 members cost two round trips), the county-year's round, and the board's reads.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { jsonRows } from './points.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function pointRuleRows(db: Db, county: string) {
  return db
    .selectFrom('point_rule')
    .select(['item', 'points', 'yearly_cap'])
    .where('county_code', '=', county)
    .orderBy('item')
    .execute();
}

/** Replaces a county's point rules (every item given). */
export async function replacePointRules(
  tx: Transaction<Database>,
  county: string,
  rules: ReadonlyArray<{ item: string; points: number; yearlyCap: number | null }>,
  by: number | null,
): Promise<void> {
  if (rules.length === 0) return;
  await tx
    .insertInto('point_rule')
    .values(
      rules.map((r) => ({
        county_code: county,
        item: r.item,
        points: r.points,
        yearly_cap: r.yearlyCap,
        updated_by: by,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['county_code', 'item']).doUpdateSet((eb) => ({
        points: eb.ref('excluded.points'),
        yearly_cap: eb.ref('excluded.yearly_cap'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

export async function starSettingRow(db: Db, county: string) {
  return db.selectFrom('star_setting').selectAll().where('county_code', '=', county).executeTakeFirst();
}

export interface StarSettingValues {
  threshold_2: number;
  threshold_3: number;
  threshold_4: number;
  threshold_5: number;
  quota_5: number | null;
  quota_4: number | null;
  quota_3: number | null;
  notice_days: number;
  exemplary_quota: number;
  exemplary_quotas: Record<string, number>;
}

export async function saveStarSetting(
  tx: Transaction<Database>,
  county: string,
  values: StarSettingValues,
  by: number | null,
): Promise<void> {
  const row = { ...values, exemplary_quotas: JSON.stringify(values.exemplary_quotas), updated_by: by };
  await tx
    .insertInto('star_setting')
    .values({ county_code: county, ...row })
    .onConflict((oc) => oc.column('county_code').doUpdateSet({ ...row, updated_at: new Date() }))
    .execute();
}

/** Members the recompute rates: active ones (transferred and deceased members are not rated). */
export async function activeMembers(db: Kysely<Database>, county: string) {
  return jsonRows<{ id: number; natural_village_code: string }>(
    db,
    sql`select id, natural_village_code from party_member
        where county_code = ${county} and status = 'active' order by id`,
  );
}

/** Exemptions recorded on a year's ratings (kept by the recompute). */
export async function exemptions(db: Db, county: string, year: number) {
  return db
    .selectFrom('star_rating')
    .select(['member_id', 'exempt_reason'])
    .where('county_code', '=', county)
    .where('year', '=', year)
    .where('exempt_reason', 'is not', null)
    .execute();
}

/** Vetoes the evidence says by itself: a commitment of the year evaluated poor. */
export async function poorCommitments(db: Db, county: string, year: number, memberId?: number) {
  let q = db
    .selectFrom('commitment')
    .select(['member_id', 'id'])
    .where('county_code', '=', county)
    .where('year', '=', year)
    .where('evaluation_grade', '=', 'poor');
  if (memberId !== undefined) q = q.where('member_id', '=', memberId);
  return q.execute();
}

/** Approved recorded vetoes of a year. */
export async function approvedVetoes(db: Db, county: string, year: number, memberId?: number) {
  let q = db
    .selectFrom('star_veto')
    .select(['member_id', 'id', 'code', 'reason'])
    .where('county_code', '=', county)
    .where('year', '=', year)
    .where('status', '=', 'approved');
  if (memberId !== undefined) q = q.where('member_id', '=', memberId);
  return q.orderBy('id').execute();
}

export interface ComputedRow {
  member_id: number;
  natural_village_code: string;
  total: number;
  by_item: Record<string, number>;
  by_score: number | null;
  computed_stars: number | null;
  veto_code: string | null;
  lowered: 'quota' | 'veto' | null;
  exempt_reason: string | null;
}

/**
 * Stores a year's recompute: points and the computed columns of ratings are upserted, writing only rows whose
 * values changed (a recompute after a few new records rewrites a few rows, not 21,000); the review steps'
 * columns stay; rows of members no longer active go, unless a final result already stands for them.
 */
/** A row's stored results as one comparable string (by_item with sorted keys, as jsonb keeps them). */
function computedKey(r: Omit<ComputedRow, 'exempt_reason'>): string {
  const items = Object.entries(r.by_item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    r.natural_village_code,
    Number(r.total),
    r.by_score,
    r.computed_stars,
    r.veto_code,
    r.lowered,
    items.map(([k, v]) => [k, Number(v)]),
  ]);
}

/** The year's stored results by member (rating and points joined), as `computedKey` strings. */
async function storedKeys(tx: Transaction<Database>, county: string, year: number): Promise<Map<number, string>> {
  const rows = await jsonRows<Omit<ComputedRow, 'exempt_reason'>>(
    tx,
    sql`select s.member_id, s.natural_village_code, p.total, coalesce(p.by_item, '{}'::jsonb) as by_item, s.by_score,
          s.computed_stars, s.veto_code, s.lowered
        from star_rating s
        join member_points p on p.county_code = s.county_code and p.year = s.year and p.member_id = s.member_id
        where s.county_code = ${county} and s.year = ${year} and s.score = p.total`,
  );
  return new Map(rows.map((r) => [Number(r.member_id), computedKey(r)]));
}

export async function storeComputed(
  tx: Transaction<Database>,
  county: string,
  year: number,
  computed: readonly ComputedRow[],
): Promise<void> {
  // Only what changed goes back: an unchanged recompute (the usual one) writes nothing, and a rule change the rows
  // it moved; the upserts cost ~40 µs a row on PGlite even when they skip an equal row.
  const stored = await storedKeys(tx, county, year);
  const rows = computed.filter((r) => stored.get(Number(r.member_id)) !== computedKey(r));
  const json = JSON.stringify(rows);
  await sql`
    insert into member_points (county_code, year, member_id, total, by_item)
    select ${county}, ${year}, r.member_id, r.total, r.by_item
    from jsonb_to_recordset(${json}::jsonb) as r(member_id bigint, total numeric, by_item jsonb)
    on conflict (county_code, year, member_id) do update set total = excluded.total, by_item = excluded.by_item
    where (member_points.total, member_points.by_item) is distinct from (excluded.total, excluded.by_item)`.execute(tx);
  await sql`
    insert into star_rating (county_code, year, member_id, natural_village_code, score, by_score, computed_stars,
      veto_code, lowered, exempt_reason)
    select ${county}, ${year}, r.member_id, r.natural_village_code, r.total, r.by_score, r.computed_stars,
      r.veto_code, r.lowered, r.exempt_reason
    from jsonb_to_recordset(${json}::jsonb) as r(member_id bigint, natural_village_code text, total numeric,
      by_score smallint, computed_stars smallint, veto_code text, lowered text, exempt_reason text)
    on conflict (county_code, year, member_id) do update set
      natural_village_code = excluded.natural_village_code, score = excluded.score, by_score = excluded.by_score,
      computed_stars = excluded.computed_stars, veto_code = excluded.veto_code, lowered = excluded.lowered
    where (star_rating.natural_village_code, star_rating.score, star_rating.by_score, star_rating.computed_stars,
           star_rating.veto_code, star_rating.lowered)
      is distinct from (excluded.natural_village_code, excluded.score, excluded.by_score, excluded.computed_stars,
           excluded.veto_code, excluded.lowered)`.execute(tx);
  const gone = sql`select id from party_member where county_code = ${county} and status <> 'active'`;
  await sql`delete from member_points where county_code = ${county} and year = ${year} and member_id in (${gone})`.execute(
    tx,
  );
  await sql`
    delete from star_rating where county_code = ${county} and year = ${year} and final_stars is null
      and member_id in (${gone})`.execute(tx);
}

export async function roundRow(db: Db, county: string, year: number) {
  return db
    .selectFrom('assessment_round')
    .selectAll()
    .where('county_code', '=', county)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Records that the year was just computed, opening its round if it had none. */
export async function markComputed(tx: Transaction<Database>, county: string, year: number): Promise<void> {
  await tx
    .insertInto('assessment_round')
    .values({ county_code: county, year, computed_at: new Date() })
    .onConflict((oc) => oc.columns(['county_code', 'year']).doUpdateSet({ computed_at: new Date() }))
    .execute();
}

/** One row of the board's summary: stars (final when set, else computed) and how many, in scope. */
export interface BoardCount {
  stars: number | null;
  n: number;
  vetoed: number;
  lowered: number;
}

/** The year's ratings in `scope` (a unit code prefix) counted by stars; exempt members have stars null. */
export async function boardCounts(db: Db, county: string, year: number, scope: string): Promise<BoardCount[]> {
  const { rows } = await sql<BoardCount>`
    select coalesce(final_stars, branch_stars, computed_stars)::int as stars, count(*)::int as n,
      (count(*) filter (where veto_code is not null))::int as vetoed,
      (count(*) filter (where lowered is not null))::int as lowered
    from star_rating
    where county_code = ${county} and year = ${year} and natural_village_code like ${`${scope}%`}
    group by 1 order by 1`.execute(db);
  return rows;
}

/** Active members of `scope` (a unit code prefix) with no rating of the year: joined since the last recompute. */
export async function unratedCount(db: Db, county: string, year: number, scope: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from party_member m
    where m.county_code = ${county} and m.status = 'active' and m.natural_village_code like ${`${scope}%`}
      and not exists (select 1 from star_rating s
        where s.county_code = m.county_code and s.year = ${year} and s.member_id = m.id)`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function ratingRow(db: Db, county: string, year: number, memberId: number) {
  return db
    .selectFrom('star_rating')
    .selectAll()
    .where('county_code', '=', county)
    .where('year', '=', year)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}
