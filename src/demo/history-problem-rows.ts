/** Rows of the demo problems and their events, and their bulk inserts (unnest arrays, 20,000 rows a statement). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

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

const CHUNK = 20_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += CHUNK) out.push(rows.slice(at, at + CHUNK));
  return out;
}

/** Inserts the problems with their explicit ids. */
export async function problemColumns(db: Kysely<Database>, county: string, rows: ProblemRow[]): Promise<void> {
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
export async function eventColumns(db: Kysely<Database>, county: string, rows: EventRow[]): Promise<void> {
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
