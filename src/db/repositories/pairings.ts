/**
 * Queries on pairings (结对): the list with filters (one query per page), pairings by id or household, the facts
 * a confirmation or handover checks (members, households, current pairings), bulk insert, end by handover,
 * measures and rejected suggestions.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, PairingTable } from '../schema.ts';
import { needingHelp } from './grids.ts';
import { likeEscape, type PageRequest, pageWindow, parseSort } from './paging.ts';

type Db = Kysely<Database>;

export interface PairingFilter extends PageRequest {
  within?: string | undefined;
  q?: string | undefined;
  status?: 'current' | 'ended' | 'all' | undefined;
  memberId?: number | undefined;
  householdId?: number | undefined;
  gridId?: number | undefined;
  needsHandover?: boolean | undefined;
  sort?: string | undefined;
}

export interface PairingRow {
  id: number;
  member_id: number;
  member_name: string;
  member_post: string | null;
  household_id: number;
  head_name: string;
  household_status: string;
  village_name: string;
  natural_village_name: string;
  natural_village_code: string;
  slot: number;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  end_note: string | null;
  exit_id: number | null;
  successor_id: number | null;
  measures: string;
  plaque_code: string;
  needs_handover: boolean;
}

const SORTS = {
  started: [sql`p.started_on`],
  member: [sql`m.name`],
  household: [sql`h.head_name`],
  village: [sql`h.natural_village_code`],
};

// A current pairing needs a handover when its member left (transferred out, died) or their card's capacity
// fell below the pairings they hold.
const NEEDS_HANDOVER = sql<boolean>`(p.ended_on is null and (m.status <> 'active' or m.capacity < (
  select count(*) from pairing q where q.county_code = p.county_code and q.member_id = p.member_id and q.ended_on is null)))`;

const FROM = sql`from pairing p
  join party_member m on m.county_code = p.county_code and m.id = p.member_id
  join household h on h.county_code = p.county_code and h.id = p.household_id
  join org_unit nv on nv.county_code = h.county_code and nv.code = h.natural_village_code
  join org_unit v on v.county_code = h.county_code and v.code = nv.parent_code`;

const COLUMNS = sql`p.id, p.member_id, m.name as member_name, m.post as member_post, p.household_id, h.head_name,
  h.status as household_status, v.name as village_name, nv.name as natural_village_name, h.natural_village_code,
  p.slot, p.started_on, p.ended_on, p.end_reason, p.end_note, p.exit_id, p.successor_id, p.measures, p.plaque_code,
  ${NEEDS_HANDOVER} as needs_handover`;

/** Households of a grid: placed one by one, else in the grid's (first piece of the) natural village. */
const inGrid = (gridId: number) => sql`coalesce(
  (select gh.grid_id from grid_household gh where gh.county_code = h.county_code and gh.household_id = h.id),
  (select l.grid_id from grid_natural_village l where l.county_code = h.county_code
    and l.natural_village_code = h.natural_village_code and l.piece = 1 and l.ended_at is null)) = ${gridId}`;

function where(county: string, f: PairingFilter) {
  const q = f.q?.trim() ? `%${likeEscape(f.q.trim())}%` : null;
  const status = f.status ?? 'current';
  return sql`where p.county_code = ${county} and h.natural_village_code like ${`${likeEscape(f.within ?? county)}%`}
    ${status === 'current' ? sql`and p.ended_on is null` : status === 'ended' ? sql`and p.ended_on is not null` : sql``}
    ${f.memberId ? sql`and p.member_id = ${f.memberId}` : sql``}
    ${f.householdId ? sql`and p.household_id = ${f.householdId}` : sql``}
    ${f.gridId ? sql`and ${inGrid(f.gridId)}` : sql``}
    ${f.needsHandover ? sql`and ${NEEDS_HANDOVER}` : sql``}
    ${q ? sql`and (m.name like ${q} or h.head_name like ${q})` : sql``}`;
}

/** One page of pairings, current before ended, then by the chosen sort. */
export async function listPairings(db: Db, county: string, filter: PairingFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [field, direction] = parseSort(filter.sort as keyof typeof SORTS | undefined, 'started');
  const columns = SORTS[field] ?? SORTS.started;
  const order = sql.join([
    sql`(p.ended_on is null) desc`,
    ...columns.map((c) => sql`${c} ${sql.raw(direction)}`),
    sql`p.id ${sql.raw(direction)}`,
  ]);
  const { rows } = await sql<PairingRow & { total: number }>`
    select ${COLUMNS}, count(*) over ()::int as total ${FROM} ${where(county, filter)}
    order by ${order} limit ${pageSize} offset ${offset}`.execute(db);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    const counted = await sql<{ n: number }>`select count(*)::int as n ${FROM} ${where(county, filter)}`.execute(db);
    total = counted.rows[0]?.n ?? 0;
  }
  return { rows: rows.map(({ total: _, ...row }) => row), total };
}

/** Every pairing of one household (with the list's columns), or those of the given ids. */
export async function pairingRows(db: Db, county: string, by: { householdId: number } | { ids: number[] }) {
  const filter =
    'ids' in by
      ? sql`p.id in (${sql.join(by.ids.length > 0 ? by.ids : [0])})`
      : sql`p.household_id = ${by.householdId}`;
  const { rows } = await sql<PairingRow>`select ${COLUMNS} ${FROM}
    where p.county_code = ${county} and ${filter}
    order by (p.ended_on is null) desc, p.started_on desc, p.id desc`.execute(db);
  return rows;
}

/** The members of a confirmation or handover, locked so concurrent confirmations of one member queue. */
export function lockMembers(db: Db, county: string, ids: readonly number[]) {
  return db
    .selectFrom('party_member')
    .select(['id', 'name', 'status', 'capacity', 'natural_village_code', 'join_date'])
    .where('county_code', '=', county)
    .where('id', 'in', ids.length > 0 ? ids : [0])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export function householdsByIds(db: Db, county: string, ids: readonly number[]) {
  return db
    .selectFrom('household')
    .select(['id', 'head_name', 'status', 'natural_village_code', 'identified_year'])
    .select(
      sql<boolean>`exists (select 1 from monitoring_case mc where mc.county_code = household.county_code
      and mc.household_id = household.id and mc.status = 'open')`.as('monitored'),
    )
    .where('county_code', '=', county)
    .where('id', 'in', ids.length > 0 ? ids : [0])
    .execute();
}

/** Current pairings of the given members (their slots) or households. */
export function currentPairingsOf(db: Db, county: string, memberIds: readonly number[]) {
  return db
    .selectFrom('pairing')
    .select(['id', 'member_id', 'household_id', 'slot'])
    .where('county_code', '=', county)
    .where('ended_on', 'is', null)
    .where('member_id', 'in', memberIds.length > 0 ? memberIds : [0])
    .execute();
}

export type NewPairing = Pick<
  PairingTable,
  'member_id' | 'household_id' | 'slot' | 'started_on' | 'plaque_code' | 'confirmed_by'
> & { measures: string };

/** Inserts pairings in statements of up to 1,000 rows; returns their ids in input order. */
export async function insertPairings(db: Db, county: string, rows: readonly NewPairing[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({ ...r, county_code: county }));
    const inserted = await db.insertInto('pairing').values(chunk).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** The pairing row itself (no joins), locked for a change. */
export function lockPairing(db: Db, county: string, id: number) {
  return db
    .selectFrom('pairing')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Ends a pairing by handing it over to `successorId` (which starts the same day). */
export function endByHandover(
  db: Db,
  county: string,
  id: number,
  end: { on: string; successorId: number; reason: string; note: string },
) {
  return db
    .updateTable('pairing')
    .set({
      ended_on: end.on,
      successor_id: end.successorId,
      end_reason: end.reason as PairingTable['end_reason'],
      end_note: end.note,
    })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

export function setMeasures(db: Db, county: string, id: number, measures: string) {
  return db.updateTable('pairing').set({ measures }).where('county_code', '=', county).where('id', '=', id).execute();
}

/** Records a rejected suggestion (again: the newer reason wins). */
export function upsertRejection(
  db: Db,
  county: string,
  r: { memberId: number; householdId: number; reason: string; by: number | null },
) {
  return db
    .insertInto('match_rejection')
    .values({
      county_code: county,
      member_id: r.memberId,
      household_id: r.householdId,
      reason: r.reason,
      rejected_by: r.by,
    })
    .onConflict((oc) =>
      oc.columns(['county_code', 'member_id', 'household_id']).doUpdateSet({ reason: r.reason, rejected_by: r.by }),
    )
    .returning(['member_id', 'household_id', 'reason', 'rejected_at'])
    .executeTakeFirstOrThrow();
}

export function deleteRejection(db: Db, county: string, memberId: number, householdId: number) {
  return db
    .deleteFrom('match_rejection')
    .where('county_code', '=', county)
    .where('member_id', '=', memberId)
    .where('household_id', '=', householdId)
    .returning(['reason'])
    .executeTakeFirst();
}

/** Households needing help in `scope` without a current pairing, and the most pairings any member holds. */
export async function pairingCoverage(db: Db, county: string, scope: string) {
  const { rows } = await sql<{ unpaired: number; max_load: number; current: number }>`
    select
      (select count(*) from household h where h.county_code = ${county} and ${needingHelp('h')}
        and h.natural_village_code like ${`${likeEscape(scope)}%`}
        and not exists (select 1 from pairing p where p.county_code = h.county_code and p.household_id = h.id
          and p.ended_on is null))::int as unpaired,
      coalesce((select max(n) from (select count(*) as n from pairing where county_code = ${county}
        and ended_on is null group by member_id) x), 0)::int as max_load,
      (select count(*) from pairing where county_code = ${county} and ended_on is null)::int as current`.execute(db);
  return rows[0]!;
}
