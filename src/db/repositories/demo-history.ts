/**
 * The demo seed's history (a year of help records and problems with their trails): the reads it plans from and
 * its bulk inserts, unnest arrays of 20,000 rows a statement. Not audited, like the rest of the seed.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Where the database user may (a superuser: PGlite always, a local PostgreSQL usually), turns off the foreign-key
 * triggers for the rest of the transaction: the rows are built from the parents just read, so every reference
 * holds by construction, and the five checks per row were most of the insert time (CHECK constraints and unique
 * indexes still apply). Elsewhere the checks simply run.
 */
export async function skipForeignKeyTriggers(tx: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ superuser: boolean }>`
    select rolsuper as superuser from pg_roles where rolname = current_user`.execute(tx);
  if (rows[0]?.superuser) await sql`set local session_replication_role = replica`.execute(tx);
}

/** Current pairings of the county with their start day and the household's need ids, in id order. */
export async function currentPairingSpans(db: Kysely<Database>, county: string) {
  const { rows } = await sql<{
    id: number;
    member_id: number;
    household_id: number;
    started_on: string;
    needs: number[];
  }>`
    select p.id::int as id, p.member_id::int as member_id, p.household_id::int as household_id,
      to_char(p.started_on, 'YYYY-MM-DD') as started_on,
      coalesce((select array_agg(n.id::int order by n.id) from household_need n
        where n.county_code = p.county_code and n.household_id = p.household_id), '{}') as needs
    from pairing p where p.county_code = ${county} and p.ended_on is null order by p.id`.execute(db);
  return rows;
}

/** The help records to write, one array per column (the same length each). */
export interface HelpRecordColumns {
  client: string[];
  household: number[];
  member: number[];
  pairing: number[];
  visited: string[];
  measure: string[];
  need: (number | null)[];
  solved: boolean[];
  content: string[];
  status: string[];
  verifiedAt: (string | null)[];
  comment: (string | null)[];
  /** When the helper entered it (default: the visit day at 18:00). */
  createdAt: (string | null)[];
  /** The household's word: unconfirmed, or confirmed / disputed by the household or the village. */
  confirmation: string[];
  confirmedVia: (string | null)[];
}

/** Inserts rows [from, to) of the columns, verified (where they carry a verification time) by user `verifier`. */
export async function insertHelpRecords(
  db: Kysely<Database>,
  county: string,
  verifier: number,
  c: HelpRecordColumns,
  from: number,
  to: number,
) {
  const s = <T>(column: T[]) => column.slice(from, to);
  await sql`
    insert into assistance_record (county_code, client_id, household_id, member_id, pairing_id, visited_on, measure,
      need_id, solved_need, content, status, verified_by, verified_at, verify_comment, created_at, updated_at,
      confirmation, confirmed_via, confirmed_at, confirmation_comment)
    select ${county}, x.client_id, x.household_id, x.member_id, x.pairing_id, x.visited_on, x.measure, x.need_id,
      x.solved_need, x.content, x.status, case when x.verified_at is null then null else ${verifier}::int end,
      x.verified_at, x.verify_comment, coalesce(x.created_at, x.visited_on + time '18:00'),
      coalesce(x.verified_at, x.created_at, x.visited_on + time '18:00'), x.confirmation, x.confirmed_via,
      case when x.confirmed_via is null then null else x.visited_on + time '19:00' end,
      case when x.confirmation = 'disputed' then '这次没有入户，只打了个电话' end
    from unnest(${s(c.client)}::uuid[], ${s(c.household)}::bigint[], ${s(c.member)}::bigint[],
      ${s(c.pairing)}::bigint[], ${s(c.visited)}::date[], ${s(c.measure)}::text[], ${s(c.need)}::bigint[],
      ${s(c.solved)}::boolean[], ${s(c.content)}::text[], ${s(c.status)}::text[], ${s(c.verifiedAt)}::timestamptz[],
      ${s(c.comment)}::text[], ${s(c.createdAt)}::timestamptz[], ${s(c.confirmation)}::text[],
      ${s(c.confirmedVia)}::text[])
      as x(client_id, household_id, member_id, pairing_id, visited_on, measure, need_id, solved_need, content, status,
        verified_at, verify_comment, created_at, confirmation, confirmed_via)`.execute(db);
}

/** Current pairings with the household's natural village, in pairing order (who may raise a problem where). */
export async function pairedHouseholdsOfCounty(db: Kysely<Database>, county: string) {
  const { rows } = await sql<{ householdId: number; memberId: number; nv: string }>`
    select p.household_id::int as "householdId", p.member_id::int as "memberId", h.natural_village_code as nv
    from pairing p join household h on h.county_code = p.county_code and h.id = p.household_id
    where p.county_code = ${county} and p.ended_on is null order by p.id`.execute(db);
  return rows;
}

/** The largest problem id in use (0 for none): the seed's explicit ids continue after it. */
export async function maxProblemId(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select coalesce(max(id), 0)::int as n from problem`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Moves the problem id sequence to `id`, past the explicit ids just written. */
export async function setProblemSequence(db: Kysely<Database>, id: number): Promise<void> {
  await sql`select setval(pg_get_serial_sequence('problem', 'id'), ${id})`.execute(db);
}

/** One problem as written; times are ms since the epoch. */
export interface ProblemRow {
  id: number;
  householdId: number;
  nv: string;
  memberId: number;
  category: string;
  urgency: string;
  description: string;
  level: string;
  status: string;
  holder: string;
  department: string | null;
  entered: number;
  due: number;
  overdueFlagged: number | null;
  resolution: string | null;
  resolvedAt: number | null;
  resolvedBy: number | null;
  closedAt: number | null;
  closedBy: number | null;
  created: number;
  updated: number;
}

/** One step of a problem's trail. */
export interface EventRow {
  problemId: number;
  action: string;
  actor: string;
  fromLevel: string | null;
  toLevel: string;
  fromStatus: string | null;
  toStatus: string;
  at: number;
  automatic: boolean;
}

const CHUNK = 20_000; // rows a statement
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += CHUNK) out.push(rows.slice(at, at + CHUNK));
  return out;
}

/** Inserts the problems with their explicit ids. */
export async function insertProblems(db: Kysely<Database>, county: string, rows: ProblemRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    const c = <K extends keyof ProblemRow>(k: K) => part.map((r) => r[k]);
    const t = (k: 'entered' | 'due' | 'overdueFlagged' | 'resolvedAt' | 'closedAt' | 'created' | 'updated') =>
      part.map((r) => iso(r[k]));
    await sql`
      insert into problem (county_code, id, household_id, natural_village_code, raised_by_member_id, category, urgency,
        description, level, status, holder_code, department, level_entered_at, due_at, overdue_flagged_at, resolution,
        resolved_at, resolved_by, closed_at, closed_by, created_at, updated_at)
      select ${county}, x.* from unnest(${c('id')}::bigint[], ${c('householdId')}::bigint[], ${c('nv')}::text[],
        ${c('memberId')}::bigint[], ${c('category')}::text[], ${c('urgency')}::text[], ${c('description')}::text[],
        ${c('level')}::text[], ${c('status')}::text[], ${c('holder')}::text[], ${c('department')}::text[],
        ${t('entered')}::timestamptz[], ${t('due')}::timestamptz[], ${t('overdueFlagged')}::timestamptz[],
        ${c('resolution')}::text[], ${t('resolvedAt')}::timestamptz[], ${c('resolvedBy')}::int[],
        ${t('closedAt')}::timestamptz[], ${c('closedBy')}::int[], ${t('created')}::timestamptz[],
        ${t('updated')}::timestamptz[]) as x`.execute(db);
  }
}

/** Inserts the events (ids by identity, in trail order). */
export async function insertProblemEvents(db: Kysely<Database>, county: string, rows: EventRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    const c = <K extends keyof EventRow>(k: K) => part.map((r) => r[k]);
    await sql`
      insert into problem_event (county_code, problem_id, action, actor, from_level, to_level, from_status, to_status,
        at, automatic)
      select ${county}, x.* from unnest(${c('problemId')}::bigint[], ${c('action')}::text[], ${c('actor')}::text[],
        ${c('fromLevel')}::text[], ${c('toLevel')}::text[], ${c('fromStatus')}::text[], ${c('toStatus')}::text[],
        ${part.map((r) => iso(r.at))}::timestamptz[], ${c('automatic')}::boolean[]) as x`.execute(db);
  }
}

/** Raises the review of every disputed demo record (a 'disputed' flag with the household's comment). */
export async function flagDemoDisputes(db: Kysely<Database>, county: string): Promise<void> {
  await sql`
    insert into record_flag (county_code, record_id, kind, reason, evidence)
    select county_code, id, 'disputed', '农户异议：' || coalesce(confirmation_comment, ''),
      jsonb_build_object('comment', coalesce(confirmation_comment, ''), 'via', confirmed_via)
    from assistance_record where county_code = ${county} and confirmation = 'disputed'`.execute(db);
}

/** A planted photo row (the demo's reused photo): the same stored file under two records. */
export async function insertDemoPhotos(
  db: Kysely<Database>,
  county: string,
  rows: { recordId: number; key: string; thumbKey: string; bytes: number; hash: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('assistance_photo')
    .values(
      rows.map((r) => ({
        county_code: county,
        record_id: r.recordId,
        storage_key: r.key,
        mime: 'image/png',
        bytes: r.bytes,
        thumbnail_key: r.thumbKey,
        thumbnail_mime: 'image/png',
        thumbnail_bytes: r.bytes,
        content_hash: r.hash,
      })),
    )
    .execute();
}

/** The tail of every planted record's client id (a random demo uuid has it with odds of 2^-76). */
export const PLANTED_TAIL = '-0000-4000-8000-000000000000';

/** The ids of the planted demo records whose client id starts with `prefix` (the planted patterns' ground truth). */
export async function idsByClientPrefix(db: Kysely<Database>, county: string, prefix: string): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select id::int as id from assistance_record
    where county_code = ${county} and client_id::text like ${`${prefix}____${PLANTED_TAIL}`} order by id`.execute(db);
  return rows.map((r) => r.id);
}
