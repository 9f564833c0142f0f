/** The demo seed's commitments (公开承诺): whom it plans for and its bulk inserts (unnest arrays). Not audited. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Current pairings (member, household) of active members without a commitment of `year`, by member and slot. */
export function currentPairingsWithoutCommitment(db: Kysely<Database>, county: string, year: number) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'p.county_code').onRef('m.id', '=', 'p.member_id'),
    )
    .select(['p.member_id', 'p.household_id'])
    .where('p.county_code', '=', county)
    .where('p.ended_on', 'is', null)
    .where('m.status', '=', 'active')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('commitment as c')
            .select('c.id')
            .whereRef('c.county_code', '=', 'p.county_code')
            .whereRef('c.member_id', '=', 'p.member_id')
            .where('c.year', '=', year),
        ),
      ),
    )
    .orderBy('p.member_id')
    .orderBy('p.slot')
    .execute();
}

/** Inserts one commitment per member (columns of equal length); returns each new id with its member. */
export async function insertCommitmentColumns(
  db: Kysely<Database>,
  county: string,
  year: number,
  col: {
    memberId: number[];
    status: string[];
    reviewComment: (string | null)[];
    reviewedOn: (string | null)[];
    publishedOn: (string | null)[];
  },
) {
  const result = await sql<{ id: number; member_id: number }>`
    insert into commitment (county_code, member_id, year, status, review_comment, reviewed_on, published_on)
    select ${county}, x.member_id, ${year}, x.status, x.review_comment, x.reviewed_on, x.published_on
    from unnest(${col.memberId}::bigint[], ${col.status}::text[], ${col.reviewComment}::text[],
      ${col.reviewedOn}::date[], ${col.publishedOn}::date[])
      as x(member_id, status, review_comment, reviewed_on, published_on)
    returning id, member_id`.execute(db);
  return result.rows;
}

/** Inserts commitment items (columns of equal length). */
export async function insertItemColumns(
  db: Kysely<Database>,
  county: string,
  col: {
    commitmentId: number[];
    position: number[];
    content: string[];
    householdId: (number | null)[];
    dueOn: string[];
    fulfilledOn: (string | null)[];
    evidence: (string | null)[];
  },
) {
  await sql`
    insert into commitment_item (county_code, commitment_id, position, content, household_id, due_on, fulfilled_on, evidence)
    select ${county}, x.commitment_id, x.position, x.content, x.household_id, x.due_on, x.fulfilled_on, x.evidence
    from unnest(${col.commitmentId}::bigint[], ${col.position}::smallint[], ${col.content}::text[],
      ${col.householdId}::bigint[], ${col.dueOn}::date[], ${col.fulfilledOn}::date[], ${col.evidence}::text[])
      as x(commitment_id, position, content, household_id, due_on, fulfilled_on, evidence)`.execute(db);
}
