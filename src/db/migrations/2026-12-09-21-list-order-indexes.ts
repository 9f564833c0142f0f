/**
 * Indexes in the default order of the two county-wide lists that sorted every row for one page: the problem
 * list (soonest due first, then id) and the member list (by name, then id). Without them a county admin's first
 * page of problems joined and sorted all ~20,000 problems (97 ms) and of members all 21,000 cards (109 ms) on the
 * demo county; with them the page is the first rows of an index scan (10–20 ms under the same load).
 * `county_code` first, like every key. Frozen once landed. Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index problem_due_order on problem (county_code, due_at, id)`.execute(db);
  await sql`create index party_member_name_order on party_member (county_code, name, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index party_member_name_order`.execute(db);
  await sql`drop index problem_due_order`.execute(db);
}
