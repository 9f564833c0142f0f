/** The commitment list query: a scope's commitments with member, places and item counts, one page and the total. */
import type { Kysely } from 'kysely';
import type { CommitmentStatus, Database } from '../schema.ts';
import { likeEscape, pageWindow, parseSort } from './paging.ts';

export interface CommitmentFilter {
  within?: string | undefined;
  year?: number | undefined;
  status?: CommitmentStatus | undefined;
  memberId?: number | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const SORT_COLUMNS = {
  year: 'c.year',
  memberName: 'm.name',
  status: 'c.status',
  updatedAt: 'c.updated_at',
} as const;

/** Commitments joined to their member and the member's natural village and village, for lists and detail. */
function withMember(db: Kysely<Database>, county: string) {
  return db
    .selectFrom('commitment as c')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'c.county_code').onRef('m.id', '=', 'c.member_id'),
    )
    .where('c.county_code', '=', county);
}

function filtered(db: Kysely<Database>, county: string, f: CommitmentFilter) {
  return withMember(db, county)
    .$if(f.within !== undefined && f.within !== county, (q) =>
      q.where('m.natural_village_code', 'like', `${f.within}%`),
    )
    .$if(f.year !== undefined, (q) => q.where('c.year', '=', f.year as number))
    .$if(f.status !== undefined, (q) => q.where('c.status', '=', f.status as CommitmentStatus))
    .$if(f.memberId !== undefined, (q) => q.where('c.member_id', '=', f.memberId as number))
    .$if(f.q !== undefined, (q) => q.where('m.name', 'like', `%${likeEscape(f.q as string)}%`));
}

/** The member and place columns every commitment read shows. */
export function placed(db: Kysely<Database>, county: string, f: CommitmentFilter = {}) {
  return filtered(db, county, f)
    .leftJoin('org_unit as nv', (j) =>
      j.onRef('nv.county_code', '=', 'm.county_code').onRef('nv.code', '=', 'm.natural_village_code'),
    )
    .leftJoin('org_unit as v', (j) =>
      j.onRef('v.county_code', '=', 'nv.county_code').onRef('v.code', '=', 'nv.parent_code'),
    )
    .select([
      'c.id',
      'c.member_id',
      'c.year',
      'c.status',
      'c.published_on',
      'c.evaluation_grade',
      'c.updated_at',
      'm.name as member_name',
      'm.post as member_post',
      'm.natural_village_code',
      'nv.name as natural_village_name',
      'v.name as village_name',
    ]);
}

/** One page of commitments with item and fulfilled counts, and the total. */
export async function listCommitments(db: Kysely<Database>, county: string, filter: CommitmentFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [field, direction] = parseSort(filter.sort, 'year');
  const column = SORT_COLUMNS[field as keyof typeof SORT_COLUMNS] ?? 'c.year';
  const [rows, count] = await Promise.all([
    placed(db, county, filter)
      .select((eb) => [
        eb
          .selectFrom('commitment_item as i')
          .whereRef('i.county_code', '=', 'c.county_code')
          .whereRef('i.commitment_id', '=', 'c.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('items'),
        eb
          .selectFrom('commitment_item as i')
          .whereRef('i.county_code', '=', 'c.county_code')
          .whereRef('i.commitment_id', '=', 'c.id')
          .where('i.fulfilled_on', 'is not', null)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('fulfilled'),
      ])
      // Newest year first by default: this year's work is what a list is opened for.
      .orderBy(column, filter.sort ? direction : 'desc')
      .orderBy('m.name')
      .orderBy('c.id')
      .limit(pageSize)
      .offset(offset)
      .execute(),
    filtered(db, county, filter)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export type CommitmentListRow = Awaited<ReturnType<typeof listCommitments>>['rows'][number];
