/** What a help record refers to: the household, its current helpers, its needs, the measure codes; and photos. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { type PhotoFiles, photoColumns } from './photos.ts';

/** The household's unit and status (null when not in the county). */
export async function householdOf(db: Kysely<Database>, county: string, id: number) {
  return db
    .selectFrom('household')
    .select(['id', 'natural_village_code', 'head_name'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The household's open needs, oldest first (the help form's choices). */
export async function openNeedsOf(db: Kysely<Database>, county: string, householdId: number) {
  return db
    .selectFrom('household_need')
    .select(['id', 'need', 'detail'])
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('status', '=', 'open')
    .orderBy('raised_on')
    .orderBy('id')
    .execute();
}

/** The household's current helpers (id and name only), by slot. */
export async function currentHelpersOf(db: Kysely<Database>, county: string, householdId: number) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'p.county_code').onRef('m.id', '=', 'p.member_id'),
    )
    .select(['m.id', 'm.name'])
    .where('p.county_code', '=', county)
    .where('p.household_id', '=', householdId)
    .where('p.ended_on', 'is', null)
    .orderBy('p.slot')
    .execute();
}

/** A need of the household (any status), or undefined. */
export async function needOf(db: Kysely<Database>, county: string, householdId: number, needId: number) {
  return db
    .selectFrom('household_need')
    .select(['id', 'status'])
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('id', '=', needId)
    .executeTakeFirst();
}

/** Whether `code` is an active code of dictionary kind 'measure'. */
export async function isMeasure(db: Kysely<Database>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('dictionary')
    .select('code')
    .where('kind', '=', 'measure')
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** The photo columns a service writes. */
export interface NewPhoto extends PhotoFiles {
  recordId: number;
  uploadedBy: number | null;
}

/** Inserts a photo row; its id. */
export async function insertPhoto(db: Kysely<Database>, county: string, p: NewPhoto): Promise<number> {
  const row = await db
    .insertInto('assistance_photo')
    .values({
      county_code: county,
      record_id: p.recordId,
      ...photoColumns(p, p.uploadedBy),
      content_hash: p.contentHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** What one create names: the facts of several creates are read in one round trip. */
export interface CreateQuestion {
  clientId: string;
  householdId: number;
  measure: string;
  needId: number | null;
}

/** Everything creating a record checks and shows, read for many creates at once (phones post in bursts). */
export interface CreateFacts {
  /** A record the county already has with this clientId (a retry). */
  existing_id: number | null;
  natural_village_code: string | null;
  head_name: string | null;
  helpers: { pairingId: number; memberId: number; memberName: string }[];
  measure_ok: boolean;
  need_ok: boolean;
  /** The text of the named need, for the response. */
  need: string | null;
}

/**
 * The facts of each create, in the order asked: stored clientId, household unit and head, current helpers,
 * measure and need validity. One statement for the whole batch.
 */
export async function createFacts(
  db: Kysely<Database>,
  county: string,
  questions: readonly CreateQuestion[],
): Promise<CreateFacts[]> {
  const { rows } = await sql<CreateFacts & { ord: string }>`
    select
      q.ord,
      (select id from assistance_record r where r.county_code = ${county} and r.client_id = q.client_id) as existing_id,
      h.natural_village_code,
      h.head_name,
      (select coalesce(json_agg(json_build_object('pairingId', p.id, 'memberId', p.member_id, 'memberName', m.name)
                                order by p.id), '[]')
         from pairing p
         join party_member m on m.county_code = p.county_code and m.id = p.member_id
        where p.county_code = ${county} and p.household_id = q.household_id and p.ended_on is null) as helpers,
      exists (select 1 from dictionary where kind = 'measure' and code = q.measure and active) as measure_ok,
      (q.need_id is null or n.id is not null) as need_ok,
      n.need
    from unnest(${questions.map((q) => q.clientId)}::uuid[], ${questions.map((q) => q.householdId)}::bigint[],
                ${questions.map((q) => q.measure)}::text[], ${questions.map((q) => q.needId)}::bigint[])
         with ordinality as q(client_id, household_id, measure, need_id, ord)
    left join household h on h.county_code = ${county} and h.id = q.household_id
    left join household_need n on n.county_code = ${county} and n.household_id = q.household_id and n.id = q.need_id
    order by q.ord`.execute(db);
  return rows.map((facts) => {
    const helpers = typeof facts.helpers === 'string' ? JSON.parse(facts.helpers) : facts.helpers;
    return {
      existing_id: facts.existing_id === null ? null : Number(facts.existing_id),
      natural_village_code: facts.natural_village_code,
      head_name: facts.head_name,
      measure_ok: facts.measure_ok,
      need_ok: facts.need_ok,
      need: facts.need,
      helpers: (helpers as CreateFacts['helpers']).map((h) => ({
        pairingId: Number(h.pairingId),
        memberId: Number(h.memberId),
        memberName: h.memberName,
      })),
    };
  });
}
