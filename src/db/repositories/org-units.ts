/** Queries on the org tree. Scope filters use code prefixes: a unit's subtree shares its code as prefix. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, OrgLevel, OrgUnitTable } from '../schema.ts';
import { likeEscape, type PageRequest, pageWindow, parseSort } from './paging.ts';

export interface OrgUnitFilter extends PageRequest {
  parent?: string | undefined;
  within?: string | undefined;
  level?: OrgLevel | undefined;
  q?: string | undefined;
  sort?: string | undefined;
}

const COLUMNS = ['code', 'parent_code', 'level', 'kind', 'name', 'path', 'lat', 'lng'] as const;

export async function listOrgUnits(db: Kysely<Database>, county: string, filter: OrgUnitFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [sortField, direction] = parseSort<'code' | 'name'>(filter.sort, 'code');
  const base = db
    .selectFrom('org_unit')
    .where('county_code', '=', county)
    .$if(filter.parent !== undefined, (q) => q.where('parent_code', '=', filter.parent as string))
    .$if(filter.within !== undefined, (q) => q.where('code', 'like', `${filter.within}%`))
    .$if(filter.level !== undefined, (q) => q.where('level', '=', filter.level as OrgLevel))
    .$if(filter.q !== undefined, (q) => q.where('name', 'like', `%${likeEscape(filter.q as string)}%`));
  const [rows, count] = await Promise.all([
    base
      .select(COLUMNS)
      .select((eb) =>
        eb
          .selectFrom('org_unit as child')
          .whereRef('child.county_code', '=', 'org_unit.county_code')
          .whereRef('child.parent_code', '=', 'org_unit.code')
          .select(eb.fn.countAll<number>().as('n'))
          .as('children'),
      )
      .orderBy(sortField, direction)
      .orderBy('code')
      .limit(pageSize)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findOrgUnit(db: Kysely<Database>, county: string, code: string) {
  return db
    .selectFrom('org_unit')
    .where('county_code', '=', county)
    .where('code', '=', code)
    .select([...COLUMNS, 'boundary'])
    .executeTakeFirst();
}

export async function insertOrgUnit(db: Kysely<Database>, row: Insertable<OrgUnitTable>) {
  await db.insertInto('org_unit').values(row).execute();
}

export async function updateOrgUnit(
  db: Kysely<Database>,
  county: string,
  code: string,
  patch: Partial<Pick<OrgUnitTable, 'name' | 'kind' | 'lat' | 'lng'>>,
) {
  await db
    .updateTable('org_unit')
    .set({ ...patch, updated_at: new Date() })
    .where('county_code', '=', county)
    .where('code', '=', code)
    .execute();
}

/** Whether the database holds any org unit at all (an empty installation). */
export async function hasOrgUnits(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('org_unit').select('code').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The first code (in code order) of a unit of `county` at `level`, or undefined when it has none. */
export async function firstUnitAt(db: Kysely<Database>, county: string, level: OrgLevel): Promise<string | undefined> {
  const row = await db
    .selectFrom('org_unit')
    .select('code')
    .where('county_code', '=', county)
    .where('level', '=', level)
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  return row?.code;
}

/** The units of `county` at `level`, in code order: code, name, kind and path. */
export function unitsAtLevel(db: Kysely<Database>, county: string, level: OrgLevel) {
  return db
    .selectFrom('org_unit')
    .select(['code', 'name', 'kind', 'path'])
    .where('county_code', '=', county)
    .where('level', '=', level)
    .orderBy('code')
    .execute();
}

/** Inserts the units, or refreshes the name and kind of those that exist (the county's divisions import). */
export async function upsertOrgUnits(db: Kysely<Database>, rows: Insertable<OrgUnitTable>[]) {
  await db
    .insertInto('org_unit')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['county_code', 'code']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        kind: eb.ref('excluded.kind'),
        updated_at: new Date(),
      })),
    )
    .execute();
}
