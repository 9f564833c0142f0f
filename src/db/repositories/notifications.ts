/** Notification queries: who holds a level (recipients), the inbox, writes. */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { ProblemLevel } from '../../domain/escalation.ts';
import type { Database } from '../schema.ts';
import type { NotificationTable } from '../schema-problems.ts';
import { leads } from './grid-leaders.ts';

/** The role grants that receive a level's problems, by level, and the unit length the grant sits on. */
const HOLDERS: Record<Exclude<ProblemLevel, 'grid'>, { role: string; length: number }> = {
  village: { role: 'village_secretary', length: 12 },
  township: { role: 'township_admin', length: 9 },
  county: { role: 'county_admin', length: 6 },
};

/**
 * Users holding a household's problem at the grid: the group leaders whose grant covers the natural village and
 * names the member who leads the household's grid now (the same rule as handling it, domain/escalation.ts).
 */
async function gridHolders(db: Kysely<Database>, county: string, householdId: number, nv: string) {
  const rows = await db
    .selectFrom('role_grant as g')
    .select('g.user_id')
    .distinct()
    .where('g.county_code', '=', county)
    .where('g.role', '=', 'group_leader')
    .where((eb) => eb(sql.lit(nv), 'like', sql<string>`g.org_code || '%'`))
    .where(leads(county, sql.ref('g.member_id'), householdId, nv))
    .execute();
  return rows.map((r) => r.user_id);
}

/** Users holding level `level` of a household's problem; at the grid with no leader, the village secretaries. */
export async function levelHolders(
  db: Kysely<Database>,
  county: string,
  level: ProblemLevel,
  householdId: number,
  nv: string,
): Promise<number[]> {
  if (level === 'grid') {
    const leaders = await gridHolders(db, county, householdId, nv);
    if (leaders.length > 0) return leaders;
    return levelHolders(db, county, 'village', householdId, nv);
  }
  const { role, length } = HOLDERS[level];
  const rows = await db
    .selectFrom('role_grant')
    .select('user_id')
    .distinct()
    .where('county_code', '=', county)
    .where('role', '=', role)
    .where('org_code', '=', nv.slice(0, length))
    .execute();
  return rows.map((r) => r.user_id);
}

/** Writes notifications. */
export async function insertNotifications(db: Kysely<Database>, rows: Insertable<NotificationTable>[]) {
  if (rows.length > 0) await db.insertInto('notification').values(rows).execute();
}

/** One page of a user's notifications (newest first) and their unread count. */
export async function inbox(
  db: Kysely<Database>,
  county: string,
  userId: number,
  limit: number,
  offset: number,
  unreadOnly: boolean,
) {
  const mine = db.selectFrom('notification').where('user_id', '=', userId).where('county_code', '=', county);
  const [items, unread, total] = await Promise.all([
    mine
      .selectAll()
      .$if(unreadOnly, (q) => q.where('read_at', 'is', null))
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    mine
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    mine
      .$if(unreadOnly, (q) => q.where('read_at', 'is', null))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, unread: Number(unread.n), total: Number(total.n) };
}

/** Marks a user's notifications read (all, or the listed ids); how many changed. */
export async function markRead(db: Kysely<Database>, county: string, userId: number, ids: number[] | undefined) {
  const result = await db
    .updateTable('notification')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('county_code', '=', county)
    .where('read_at', 'is', null)
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids as number[]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
