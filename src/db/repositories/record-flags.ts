/** Record trust: the records the flag rules read, the flags, and a county's thresholds. Queries only. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** One record as the flag rules read it (times in ms since the epoch). */
export interface TrustRow {
  id: number;
  memberId: number;
  householdId: number;
  visitedOn: string;
  createdAt: number;
  content: string;
  lat: number | null;
  lng: number | null;
  villageLat: number | null;
  villageLng: number | null;
  pairingFrom: string | null;
  pairingTo: string | null;
  verifiedBy: number | null;
  verifiedAt: number | null;
}

const TRUST_COLUMNS = sql`
  r.id::int as id, r.member_id::int as "memberId", r.household_id::int as "householdId",
  to_char(r.visited_on, 'YYYY-MM-DD') as "visitedOn",
  (extract(epoch from r.created_at) * 1000)::float8 as "createdAt", r.content, r.lat, r.lng,
  o.lat as "villageLat", o.lng as "villageLng",
  to_char(p.started_on, 'YYYY-MM-DD') as "pairingFrom", to_char(p.ended_on, 'YYYY-MM-DD') as "pairingTo",
  r.verified_by as "verifiedBy", (extract(epoch from r.verified_at) * 1000)::float8 as "verifiedAt"`;

const TRUST_JOINS = sql`
  join household h on h.county_code = r.county_code and h.id = r.household_id
  left join org_unit o on o.county_code = h.county_code and o.code = h.natural_village_code
  left join pairing p on p.county_code = r.county_code and p.id = r.pairing_id`;

/** Every record of the county as the rules read it. */
export async function trustHistory(db: Kysely<Database>, county: string): Promise<TrustRow[]> {
  const { rows } = await sql<TrustRow>`
    select ${TRUST_COLUMNS} from assistance_record r ${TRUST_JOINS} where r.county_code = ${county}`.execute(db);
  return rows;
}

/**
 * The context of a batch just stored: every record of its members, and the records of its households' natural
 * villages visited since `villageSince` (the member rules need the member's history; near-duplicate copies are
 * most often made inside a village, and recently — older ones are the history run's).
 */
export async function trustContext(
  db: Kysely<Database>,
  county: string,
  members: number[],
  households: number[],
  villageSince: string,
): Promise<TrustRow[]> {
  const { rows } = await sql<TrustRow>`
    with villages as (
      select distinct natural_village_code as code from household
      where county_code = ${county} and id = any(${households}::bigint[])
    ), ids as (
      select id from assistance_record where county_code = ${county} and member_id = any(${members}::bigint[])
      union
      select r.id from villages v
      join household hv on hv.county_code = ${county} and hv.natural_village_code = v.code
      join assistance_record r on r.county_code = hv.county_code and r.household_id = hv.id
        and r.visited_on >= ${villageSince}::date
    )
    select ${TRUST_COLUMNS} from ids join assistance_record r on r.county_code = ${county} and r.id = ids.id
    ${TRUST_JOINS}`.execute(db);
  return rows;
}

/** Photo fingerprints of the county: all, those of one record, or those with one of `hashes`. */
export async function photoPrints(
  db: Kysely<Database>,
  county: string,
  only: { recordId?: number; hashes?: string[] } = {},
) {
  let q = db
    .selectFrom('assistance_photo')
    .select([
      sql<number>`record_id::int`.as('recordId'),
      sql<number>`id::int`.as('photoId'),
      sql<string>`content_hash`.as('hash'),
    ])
    .where('county_code', '=', county)
    .where('content_hash', 'is not', null);
  if (only.recordId !== undefined) q = q.where('record_id', '=', only.recordId);
  if (only.hashes) q = q.where('content_hash', 'in', only.hashes.length > 0 ? only.hashes : ['']);
  return q.execute();
}

/** A flag to store. */
export interface NewFlag {
  recordId: number;
  kind: string;
  reason: string;
  evidence: string;
}

/** Stores flags; a (record, kind) already flagged — open or decided — is kept as it is. The rows stored. */
export async function insertFlags(db: Kysely<Database>, county: string, flags: NewFlag[]) {
  if (flags.length === 0) return [];
  const col = <K extends keyof NewFlag>(k: K) => flags.map((f) => f[k]);
  const { rows } = await sql<{ id: number; recordId: number; kind: string }>`
    insert into record_flag (county_code, record_id, kind, reason, evidence)
    select ${county}, * from unnest(${col('recordId')}::bigint[], ${col('kind')}::text[], ${col('reason')}::text[],
      ${col('evidence')}::jsonb[])
    on conflict (county_code, record_id, kind) do nothing
    returning id::int as id, record_id::int as "recordId", kind`.execute(db);
  return rows;
}

/** Removes the county's open flags of `kinds` (a recompute raises again those that still hold). */
export async function deleteOpenFlags(db: Kysely<Database>, county: string, kinds: readonly string[]) {
  await db
    .deleteFrom('record_flag')
    .where('county_code', '=', county)
    .where('status', '=', 'open')
    .where('kind', 'in', [...kinds])
    .execute();
}

/** The county's figures: records, flagged records, open flags by kind, and confirmation states. */
export async function trustFigures(db: Kysely<Database>, county: string) {
  const { rows } = await sql<{ records: number; confirmed: number; disputed: number; unconfirmed: number }>`
    select count(*)::int as records,
      (count(*) filter (where confirmation = 'confirmed'))::int as confirmed,
      (count(*) filter (where confirmation = 'disputed'))::int as disputed,
      (count(*) filter (where confirmation = 'unconfirmed'))::int as unconfirmed
    from assistance_record where county_code = ${county}`.execute(db);
  const { rows: kinds } = await sql<{ kind: string; n: number; records: number }>`
    select kind, count(*)::int as n, count(distinct record_id)::int as records from record_flag
    where county_code = ${county} and status <> 'cleared' group by kind order by kind`.execute(db);
  const { rows: flagged } = await sql<{ n: number }>`
    select count(distinct record_id)::int as n from record_flag
    where county_code = ${county} and status <> 'cleared'`.execute(db);
  return { ...(rows[0] as (typeof rows)[number]), flagged: flagged[0]?.n ?? 0, kinds };
}

/** The county's thresholds, or undefined (the defaults). */
export function findTrustSetting(db: Kysely<Database>, county: string) {
  return db.selectFrom('county_trust_setting').selectAll().where('county_code', '=', county).executeTakeFirst();
}
