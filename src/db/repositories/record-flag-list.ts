/** The inspector's queue: flags with their records, by scope, kind and status; one page and the total. Queries only. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { pageWindow, parseSort } from './paging.ts';

export interface FlagFilter {
  within?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const SORT_COLUMNS = { raisedAt: 'f.raised_at', visitedOn: 'r.visited_on', kind: 'f.kind' } as const;

function flagsQuery(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('record_flag as f')
    .innerJoin('assistance_record as r', (j) =>
      j.onRef('r.county_code', '=', 'f.county_code').onRef('r.id', '=', 'f.record_id'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'r.county_code').onRef('h.id', '=', 'r.household_id'),
    )
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'r.county_code').onRef('m.id', '=', 'r.member_id'),
    )
    .where('f.county_code', '=', county)
    .select([
      'f.id',
      'f.record_id',
      'f.kind',
      'f.status',
      'f.evidence',
      'f.raised_at',
      'f.decided_by',
      'f.decided_at',
      'f.decision_reason',
      'h.natural_village_code',
      'r.household_id',
      'h.head_name',
      'r.member_id',
      'm.name as member_name',
      'r.visited_on',
      'r.content',
      'r.status as record_status',
      'r.confirmation',
    ]);
}

export type FlagRow = NonNullable<Awaited<ReturnType<typeof findFlag>>>;

function filtered(db: Kysely<Database>, county: string, f: FlagFilter) {
  return flagsQuery(db, county)
    .$if(f.within !== undefined && f.within !== county, (q) =>
      q.where('h.natural_village_code', 'like', `${f.within}%`),
    )
    .$if(f.kind !== undefined, (q) => q.where('f.kind', '=', f.kind as string))
    .where('f.status', '=', (f.status ?? 'open') as 'open');
}

/** One page of flags (newest first unless sorted otherwise) and the total. */
export async function listFlags(db: Kysely<Database>, county: string, filter: FlagFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [field, direction] = filter.sort ? parseSort(filter.sort, 'raisedAt') : (['raisedAt', 'desc'] as const);
  const column = SORT_COLUMNS[field as keyof typeof SORT_COLUMNS] ?? 'f.raised_at';
  const [rows, count] = await Promise.all([
    filtered(db, county, filter)
      .orderBy(column, direction)
      .orderBy('f.id', direction)
      .limit(pageSize)
      .offset(offset)
      .execute(),
    filtered(db, county, filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One flag with its record, locked for a decision when `lock`. */
export async function findFlag(db: Kysely<Database>, county: string, id: number, lock = false) {
  return flagsQuery(db, county)
    .where('f.id', '=', id)
    .$if(lock, (q) => q.forUpdate('f'))
    .executeTakeFirst();
}

/** A record's flags, oldest first. */
export async function flagsOfRecord(db: Kysely<Database>, county: string, recordId: number) {
  return db
    .selectFrom('record_flag')
    .select(['id', 'kind', 'status', 'evidence', 'decision_reason'])
    .where('county_code', '=', county)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

/** Records the decision on an open flag. */
export async function decideFlag(
  db: Kysely<Database>,
  county: string,
  id: number,
  d: { status: 'cleared' | 'upheld'; by: number | null; reason: string },
) {
  await db
    .updateTable('record_flag')
    .set({ status: d.status, decided_by: d.by, decided_at: new Date(), decision_reason: d.reason })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}
