/** Notification queries: who holds a level (recipients), the inbox, writes. */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { ProblemLevel } from '../../domain/escalation.ts';
import type { Database } from '../schema.ts';
import type { NotificationTable } from '../schema-problems.ts';

/** The role grants that receive a level's problems, by level, and the unit length the grant sits on. */
const HOLDERS: Record<Exclude<ProblemLevel, 'grid'>, { role: string; length: number }> = {
  village: { role: 'village_secretary', length: 12 },
  township: { role: 'township_admin', length: 9 },
  county: { role: 'county_admin', length: 6 },
};

/**
 * Users holding a household's problem at the grid: the group leader of the household's grid (the user whose
 * grant names the party group's leader, or a group_leader grant over the natural village).
 */
async function gridHolders(db: Kysely<Database>, county: string, householdId: number, nv: string) {
  const rows = await db
    .selectFrom('role_grant as g')
    .select('g.user_id')
    .distinct()
    .where('g.county_code', '=', county)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('g.role', '=', 'group_leader'),
          eb(sql.lit(nv), 'like', sql<string>`g.org_code || '%'`),
          eb(sql`length(g.org_code)`, '>=', 12),
        ]),
        eb(
          'g.member_id',
          'in',
          eb
            .selectFrom('party_group as pg')
            .innerJoin('grid as gr', (j) =>
              j.onRef('gr.county_code', '=', 'pg.county_code').onRef('gr.id', '=', 'pg.grid_id'),
            )
            .select('pg.leader_member_id')
            .where('pg.county_code', '=', county)
            .where('gr.retired_at', 'is', null)
            .where('pg.leader_member_id', 'is not', null)
            .where((w) =>
              w.or([
                w(
                  'gr.id',
                  'in',
                  w
                    .selectFrom('grid_household')
                    .select('grid_id')
                    .where('county_code', '=', county)
                    .where('household_id', '=', householdId),
                ),
                w(
                  'gr.id',
                  'in',
                  w
                    .selectFrom('grid_natural_village')
                    .select('grid_id')
                    .where('county_code', '=', county)
                    .where('natural_village_code', '=', nv)
                    .where('ended_at', 'is', null),
                ),
              ]),
            ),
        ),
      ]),
    )
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
