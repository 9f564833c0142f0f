/**
 * Urging (督办): a level above an overdue problem reminds its handler. The trail records it as an 'urge' event
 * naming the unit that urged (problem_event.urging_unit, on urge events only: the service allows one per problem,
 * unit and business day), and the handler gets a 'problem_urged' notification. Migration 07's unnamed CHECKs on
 * the event action and the notification kind are replaced (found by definition: names differ by engine).
 * Constraints only (Citus refuses triggers); the new column is covered by the application role's table grants.
 * Frozen once landed. Imports no app code.
 */
import { type Kysely, sql } from 'kysely';

const ACTIONS = ['raise', 'accept', 'hand_to_department', 'resolve', 'escalate', 'confirm', 'reopen', 'overdue'];
const KINDS = ['problem_arrived', 'problem_overdue', 'problem_resolved', 'problem_reopened'];

/** Drops the CHECKs of `table` whose definition mentions `column` with an IN list. */
async function dropListCheck(db: Kysely<unknown>, table: string, column: string): Promise<void> {
  const { rows } = await sql<{ conname: string }>`
    select conname from pg_constraint
    where conrelid = ${table}::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like ${`%(${column} = ANY%`}`.execute(db);
  for (const row of rows) await sql`alter table ${sql.table(table)} drop constraint ${sql.id(row.conname)}`.execute(db);
}

const list = (values: string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await dropListCheck(db, 'problem_event', 'action');
  await dropListCheck(db, 'notification', 'kind');
  await sql`alter table problem_event add column urging_unit text`.execute(db);
  await sql`
    alter table problem_event add constraint problem_event_action_known
      check (action in (${list([...ACTIONS, 'urge'])}))`.execute(db);
  await sql`
    alter table problem_event add constraint problem_event_urging_unit
      check ((action = 'urge') = (urging_unit is not null) and length(urging_unit) between 6 and 15)`.execute(db);
  await sql`
    alter table notification add constraint notification_kind_known
      check (kind in (${list([...KINDS, 'problem_urged'])}))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notification drop constraint notification_kind_known`.execute(db);
  await sql`delete from notification where kind = 'problem_urged'`.execute(db);
  await sql`alter table notification add check (kind in (${list(KINDS)}))`.execute(db);
  await sql`alter table problem_event drop constraint problem_event_urging_unit`.execute(db);
  await sql`alter table problem_event drop constraint problem_event_action_known`.execute(db);
  await sql`delete from problem_event where action = 'urge'`.execute(db);
  await sql`alter table problem_event drop column urging_unit`.execute(db);
  await sql`alter table problem_event add check (action in (${list(ACTIONS)}))`.execute(db);
}
