/** Public feedback queries: store, count a visitor's entries, approved figures and comments, moderation list. */
import { type Kysely, sql } from 'kysely';
import type { Database, FeedbackStatus } from '../schema.ts';
import { likeEscape, pageWindow, parseSort } from './paging.ts';

/** Stores one pending feedback entry; returns its id. */
export async function insertFeedback(
  db: Kysely<Database>,
  row: { county: string; pairingId: number; satisfaction: number; comment: string; clientKey: string },
): Promise<number> {
  const { id } = await db
    .insertInto('public_feedback')
    .values({
      county_code: row.county,
      pairing_id: row.pairingId,
      satisfaction: row.satisfaction,
      comment: row.comment,
      client_key: row.clientKey,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Entries of one visitor on one pairing since `since` (the start of the visitor's day). */
export async function countFeedbackSince(
  db: Kysely<Database>,
  county: string,
  pairingId: number,
  clientKey: string,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('public_feedback')
    .where('county_code', '=', county)
    .where('pairing_id', '=', pairingId)
    .where('client_key', '=', clientKey)
    .where('submitted_at', '>=', since)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Approved entries' count and average satisfaction per pairing. */
export function approvedFigures(db: Kysely<Database>, county: string, pairingIds: number[]) {
  if (pairingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('public_feedback')
    .where('county_code', '=', county)
    .where('pairing_id', 'in', pairingIds)
    .where('status', '=', 'approved')
    .groupBy('pairing_id')
    .select((eb) => [
      'pairing_id',
      eb.fn.countAll<number>().as('count'),
      sql<number>`round(avg(satisfaction), 1)`.as('average'),
    ])
    .execute();
}

/** The newest approved comments of a pairing (only what the public may read). */
export function approvedComments(db: Kysely<Database>, county: string, pairingId: number, limit = 20) {
  return db
    .selectFrom('public_feedback')
    .where('county_code', '=', county)
    .where('pairing_id', '=', pairingId)
    .where('status', '=', 'approved')
    .select(['satisfaction', 'comment', 'submitted_at'])
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface FeedbackFilter {
  within?: string | undefined;
  status?: FeedbackStatus | undefined;
  q?: string | undefined;
  sort?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const SORT_COLUMNS = { submittedAt: 'f.submitted_at', satisfaction: 'f.satisfaction' } as const;

/**
 * One page of feedback under a scope (by the household's natural village) and the total; newest first unless
 * sorted otherwise, the id breaking ties.
 */
export async function listFeedbackRows(db: Kysely<Database>, county: string, filter: FeedbackFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const [field, direction]: [keyof typeof SORT_COLUMNS, 'asc' | 'desc'] = filter.sort
    ? parseSort(filter.sort, 'submittedAt')
    : ['submittedAt', 'desc'];
  const pattern = filter.q === undefined ? '' : `%${likeEscape(filter.q)}%`;
  const base = db
    .selectFrom('public_feedback as f')
    .innerJoin('pairing as p', (j) => j.onRef('p.county_code', '=', 'f.county_code').onRef('p.id', '=', 'f.pairing_id'))
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .where('f.county_code', '=', county)
    .$if(filter.within !== undefined, (q) => q.where('h.natural_village_code', 'like', `${filter.within}%`))
    .$if(filter.status !== undefined, (q) => q.where('f.status', '=', filter.status as FeedbackStatus))
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'p.county_code').onRef('m.id', '=', 'p.member_id'),
    )
    .$if(pattern !== '', (q) =>
      q.where((eb) =>
        eb.or([eb('h.head_name', 'like', pattern), eb('m.name', 'like', pattern), eb('f.comment', 'like', pattern)]),
      ),
    );
  const [rows, count] = await Promise.all([
    base
      .innerJoin('org_unit as nv', (j) =>
        j.onRef('nv.county_code', '=', 'h.county_code').onRef('nv.code', '=', 'h.natural_village_code'),
      )
      .select([
        'f.id',
        'f.pairing_id',
        'p.plaque_code',
        'h.head_name',
        'm.name as helper_name',
        'h.natural_village_code',
        'nv.name as natural_village_name',
        'f.satisfaction',
        'f.comment',
        'f.status',
        'f.submitted_at',
        'f.moderated_at',
      ])
      .orderBy(SORT_COLUMNS[field], direction)
      .orderBy('f.id', direction)
      .limit(pageSize)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The bare feedback row, for moderation. */
export function findFeedback(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('public_feedback')
    .where('county_code', '=', county)
    .where('id', '=', id)
    .selectAll()
    .executeTakeFirst();
}

/** Records a moderator's decision (and the comment as it may be published, when given). */
export async function setFeedbackStatus(
  db: Kysely<Database>,
  county: string,
  id: number,
  status: 'approved' | 'rejected',
  moderatorId: number | null,
  comment?: string,
): Promise<void> {
  await db
    .updateTable('public_feedback')
    .set({ status, moderated_by: moderatorId, moderated_at: new Date(), ...(comment === undefined ? {} : { comment }) })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}
