/** Grids led by a member, and users whose group_leader grant names that member (group leaders who verify). */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { Role } from '../src/domain/access/roles.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/plugins/access.ts';
import { createSession } from '../src/services/access/sessions.ts';
import type { Inject, TestApp } from './app.ts';

/** A current grid of whole natural villages whose party group `leaderId` leads (and belongs to); its ids. */
export async function leadGrid(
  db: Kysely<Database>,
  g: { county?: string; village: string; naturals: string[]; leaderId: number | null; name?: string },
): Promise<{ gridId: number; groupId: number }> {
  const county = g.county ?? g.village.slice(0, 6);
  const name = g.name ?? `网格${g.naturals.join('-').slice(-3)}`;
  const { id: gridId } = await db
    .insertInto('grid')
    .values({ county_code: county, village_code: g.village, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const code of g.naturals) {
    await db
      .insertInto('grid_natural_village')
      .values({ county_code: county, grid_id: gridId, village_code: g.village, natural_village_code: code })
      .execute();
  }
  if (g.leaderId !== null) {
    await db
      .insertInto('grid_member')
      .values({ county_code: county, grid_id: gridId, member_id: g.leaderId })
      .execute();
  }
  const { id: groupId } = await db
    .insertInto('party_group')
    .values({
      county_code: county,
      grid_id: gridId,
      name: `${name}党小组`,
      leader_member_id: g.leaderId,
      leader_since: g.leaderId === null ? null : '2024-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { gridId: Number(gridId), groupId: Number(groupId) };
}

let users = 0;

/** A user with one grant of `role` on `orgCode` naming member `memberId` (or none), signed in: their inject. */
export async function signInLinked(
  t: TestApp,
  role: Role,
  orgCode: string,
  memberId: number | null,
): Promise<Inject & { userId: number }> {
  users += 1;
  const db = t.database.db;
  const { id } = await db
    .insertInto('app_user')
    .values({ username: `linked-${role}-${users}`, display_name: role, password_hash: 'scrypt$1$1$1$AA$AA' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grant')
    .values({ county_code: orgCode.slice(0, 6), user_id: id, role, org_code: orgCode, member_id: memberId })
    .execute();
  const { token, csrfToken } = await createSession(db, id, '127.0.0.1');
  const inject: Inject = (options) =>
    t.app.inject({
      ...options,
      cookies: { ...(options.cookies ?? {}), [SESSION_COOKIE]: token },
      headers: { [CSRF_HEADER]: csrfToken, ...(options.headers ?? {}) },
    });
  return Object.assign(inject, { userId: id });
}
