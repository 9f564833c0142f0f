/** Queries of public commitments (公开承诺) and their items; no rules here (see services/commitments). */
import type { Kysely } from 'kysely';
import type { CommitmentStatus, Database, EvaluationGrade } from '../schema.ts';
import { placed } from './commitment-list.ts';

/** One commitment with its member and place, and the review and evaluation facts. */
export function findCommitment(db: Kysely<Database>, county: string, id: number) {
  return placed(db, county)
    .select(['c.review_comment', 'c.reviewed_on', 'c.evaluation', 'c.evaluated_on', 'c.created_at'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export type CommitmentRow = NonNullable<Awaited<ReturnType<typeof findCommitment>>>;

/** Locks the commitment row (writers of one commitment run one after another). */
export async function lockCommitment(db: Kysely<Database>, county: string, id: number): Promise<void> {
  await db
    .selectFrom('commitment')
    .select('id')
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .execute();
}

/** The items of a commitment in order, with the named household's head. */
export function itemsOf(db: Kysely<Database>, county: string, commitmentId: number) {
  return db
    .selectFrom('commitment_item as i')
    .leftJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'i.county_code').onRef('h.id', '=', 'i.household_id'),
    )
    .select([
      'i.id',
      'i.position',
      'i.content',
      'i.household_id',
      'h.head_name as household_head_name',
      'i.due_on',
      'i.fulfilled_on',
      'i.evidence',
    ])
    .where('i.county_code', '=', county)
    .where('i.commitment_id', '=', commitmentId)
    .orderBy('i.position')
    .execute();
}

export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

/** A member's card facts a commitment needs: name, place, whether active. */
export function findMember(db: Kysely<Database>, county: string, memberId: number) {
  return db
    .selectFrom('party_member')
    .select(['id', 'name', 'natural_village_code', 'status'])
    .where('county_code', '=', county)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

/** The member's commitment of a year, if any. */
export function commitmentOfYear(db: Kysely<Database>, county: string, memberId: number, year: number) {
  return db
    .selectFrom('commitment')
    .select(['id', 'status'])
    .where('county_code', '=', county)
    .where('member_id', '=', memberId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The households the member helps now (current pairings), oldest pairing first. */
export function pairedHouseholds(db: Kysely<Database>, county: string, memberId: number) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .select(['p.household_id', 'h.head_name', 'p.started_on'])
    .where('p.county_code', '=', county)
    .where('p.member_id', '=', memberId)
    .where('p.ended_on', 'is', null)
    .orderBy('p.slot')
    .execute();
}

export interface ItemValues {
  content: string;
  householdId: number | null;
  dueOn: string | null;
}

/** Inserts a proposed commitment; returns its id. */
export async function insertCommitment(db: Kysely<Database>, county: string, memberId: number, year: number) {
  const row = await db
    .insertInto('commitment')
    .values({ county_code: county, member_id: memberId, year })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Replaces the items of a commitment with `items` at positions 1, 2, 3 … */
export async function replaceItems(db: Kysely<Database>, county: string, commitmentId: number, items: ItemValues[]) {
  await db
    .deleteFrom('commitment_item')
    .where('county_code', '=', county)
    .where('commitment_id', '=', commitmentId)
    .execute();
  if (items.length === 0) return;
  await db
    .insertInto('commitment_item')
    .values(
      items.map((item, i) => ({
        county_code: county,
        commitment_id: commitmentId,
        position: i + 1,
        content: item.content,
        household_id: item.householdId,
        due_on: item.dueOn,
      })),
    )
    .execute();
}

export interface CommitmentChange {
  status?: CommitmentStatus;
  review_comment?: string | null;
  reviewed_on?: string;
  reviewed_by?: number | null;
  published_on?: string;
  evaluation_grade?: EvaluationGrade;
  evaluation?: string;
  evaluated_on?: string;
  evaluated_by?: number | null;
}

/** Writes status and review/publication/evaluation facts; touches updated_at. */
export async function updateCommitment(db: Kysely<Database>, county: string, id: number, change: CommitmentChange) {
  await db
    .updateTable('commitment')
    .set({ ...change, updated_at: new Date() })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

/** Records an item's fulfilment (date and evidence). */
export async function fulfilItem(db: Kysely<Database>, county: string, itemId: number, on: string, evidence: string) {
  await db
    .updateTable('commitment_item')
    .set({ fulfilled_on: on, evidence })
    .where('county_code', '=', county)
    .where('id', '=', itemId)
    .execute();
}

/** One item of a commitment (undefined when the item belongs to another commitment). */
export function findItem(db: Kysely<Database>, county: string, commitmentId: number, itemId: number) {
  return db
    .selectFrom('commitment_item')
    .select(['id', 'position', 'fulfilled_on'])
    .where('county_code', '=', county)
    .where('commitment_id', '=', commitmentId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}
