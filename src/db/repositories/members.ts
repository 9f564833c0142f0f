/**
 * Queries on the party-member register. Place names come from org_unit joins in the same query (a natural
 * village's parent is its village, the village's parent its township), never from per-row lookups.
 */
import { type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, sql, type Updateable } from 'kysely';
import type { Database, PartyMemberTable } from '../schema.ts';
import { likeEscape, type PageRequest, pageWindow, parseSort } from './paging.ts';

export type MemberStatus = Selectable<PartyMemberTable>['status'];
export type Membership = Selectable<PartyMemberTable>['membership'];

/** Free-text search, already interpreted by the service: a name part, or an ID number / phone prefix. */
export type MemberSearch = { name: string } | { idNumber: string | undefined; phonePrefix: string | undefined };

export interface MemberFilter extends PageRequest {
  within?: string | undefined;
  expertise?: string | undefined;
  willingness?: string | undefined;
  membership?: Membership | undefined;
  /** Undefined lists every status. */
  status?: MemberStatus | undefined;
  migrant?: boolean | undefined;
  capacity?: number | undefined;
  search?: MemberSearch | undefined;
  sort?: string | undefined;
}

const SORT_COLUMNS = {
  name: 'm.name',
  joinDate: 'm.join_date',
  birthDate: 'm.birth_date',
  capacity: 'm.capacity',
} as const;

type MemberQuery = SelectQueryBuilder<Database & { m: PartyMemberTable }, 'm', object>;

/** `column @> array[code]`: the member's code list contains the code (index-friendly form). */
function hasCode(column: 'm.expertise' | 'm.willingness', code: string) {
  return sql<boolean>`${sql.ref(column)} @> array[${code}]::text[]`;
}

function applySearch(query: MemberQuery, search: MemberSearch): MemberQuery {
  if ('name' in search) return query.where('m.name', 'like', `%${likeEscape(search.name)}%`);
  return query.where((eb) =>
    eb.or([
      ...(search.idNumber ? [eb('m.id_number', '=', search.idNumber)] : []),
      ...(search.phonePrefix ? [eb('m.phone', 'like', `${likeEscape(search.phonePrefix)}%`)] : []),
    ]),
  );
}

function filtered(db: Kysely<Database>, county: string, f: MemberFilter): MemberQuery {
  return db
    .selectFrom('party_member as m')
    .where('m.county_code', '=', county)
    .$if(f.within !== undefined, (q) => q.where('m.natural_village_code', 'like', `${f.within}%`))
    .$if(f.expertise !== undefined, (q) => q.where(hasCode('m.expertise', f.expertise as string)))
    .$if(f.willingness !== undefined, (q) => q.where(hasCode('m.willingness', f.willingness as string)))
    .$if(f.membership !== undefined, (q) => q.where('m.membership', '=', f.membership as Membership))
    .$if(f.status !== undefined, (q) => q.where('m.status', '=', f.status as MemberStatus))
    .$if(f.migrant !== undefined, (q) => q.where('m.is_migrant', '=', f.migrant as boolean))
    .$if(f.capacity !== undefined, (q) => q.where('m.capacity', '=', f.capacity as number))
    .$if(f.search !== undefined, (q) => applySearch(q, f.search as MemberSearch));
}

/** One page of members with their natural village and village names, and the total for the filter. */
export async function listMembers(db: Kysely<Database>, county: string, filter: MemberFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [sortField, direction] = parseSort(filter.sort, 'name');
  const base = filtered(db, county, filter);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('org_unit as nv', (j) =>
        j.onRef('nv.county_code', '=', 'm.county_code').onRef('nv.code', '=', 'm.natural_village_code'),
      )
      .leftJoin('org_unit as v', (j) =>
        j.onRef('v.county_code', '=', 'nv.county_code').onRef('v.code', '=', 'nv.parent_code'),
      )
      .selectAll('m')
      .select(['nv.name as natural_village_name', 'v.name as village_name'])
      .orderBy(SORT_COLUMNS[sortField] ?? 'm.name', direction)
      .orderBy('m.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** The whole card with the names and codes of its natural village, village and township. */
export function findMember(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('party_member as m')
    .innerJoin('org_unit as nv', (j) =>
      j.onRef('nv.county_code', '=', 'm.county_code').onRef('nv.code', '=', 'm.natural_village_code'),
    )
    .leftJoin('org_unit as v', (j) =>
      j.onRef('v.county_code', '=', 'nv.county_code').onRef('v.code', '=', 'nv.parent_code'),
    )
    .leftJoin('org_unit as t', (j) =>
      j.onRef('t.county_code', '=', 'v.county_code').onRef('t.code', '=', 'v.parent_code'),
    )
    .where('m.county_code', '=', county)
    .where('m.id', '=', id)
    .selectAll('m')
    .select([
      'nv.name as natural_village_name',
      'v.code as village_code',
      'v.name as village_name',
      't.code as township_code',
      't.name as township_name',
    ])
    .executeTakeFirst();
}

/** The bare row (no joins), for checks before an update. */
export function findMemberRow(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('party_member')
    .where('county_code', '=', county)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst();
}

/** Inserts a card and returns its new id. */
export async function insertMember(db: Kysely<Database>, row: Insertable<PartyMemberTable>): Promise<number> {
  const { id } = await db.insertInto('party_member').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Writes the given columns and stamps updated_at. */
export async function updateMember(
  db: Kysely<Database>,
  county: string,
  id: number,
  patch: Updateable<PartyMemberTable>,
): Promise<void> {
  await db
    .updateTable('party_member')
    .set({ ...patch, updated_at: new Date() })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}
