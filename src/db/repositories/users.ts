/**
 * Accounts and their grants: app_user and role_grant rows for sign-in, the session's grants, account creation and
 * the admin's users page and changes. The rules (who may administer whom, lockout) live in services and domain.
 */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { AppUserTable, Database, RoleGrantTable } from '../schema.ts';

/** The id of another account already using `username` as its name or `phone` as its phone, if any. */
export async function takenUserId(
  db: Kysely<Database>,
  username: string,
  phone: string,
  exceptId?: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId ?? 0))
    .where((eb) => eb.or([eb('username', '=', username), eb('phone', '=', phone)]))
    .executeTakeFirst();
  return row?.id;
}

/** Inserts an account; returns its id. */
export async function insertUser(db: Kysely<Database>, row: Insertable<AppUserTable>): Promise<number> {
  const { id } = await db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The account signing in as `login` (its username or its phone). */
export function findUserByLogin(db: Kysely<Database>, login: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) => eb.or([eb('username', '=', login), eb('phone', '=', login)]))
    .executeTakeFirst();
}

/** The password hash of account `id` (it must exist). */
export async function passwordHashOf(db: Kysely<Database>, id: number): Promise<string> {
  const row = await db.selectFrom('app_user').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
  return row.password_hash;
}

/** Stores a new password hash; `unlock` also clears the failed-login count and any lock (an admin's reset). */
export async function setPasswordHash(db: Kysely<Database>, id: number, hash: string, unlock: boolean) {
  await db
    .updateTable('app_user')
    .set({
      password_hash: hash,
      password_changed_at: new Date(),
      ...(unlock ? { failed_logins: 0, locked_until: null } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Counts one failed sign-in in one UPDATE that applies only while the account is not locked, locking it for
 * `lockMs` when the count reaches `maxFailures`; whether the account is (now, or already) locked.
 */
export async function countLoginFailure(
  db: Kysely<Database>,
  id: number,
  now: number,
  maxFailures: number,
  lockMs: number,
): Promise<boolean> {
  const reaches = sql<boolean>`failed_logins + 1 >= ${maxFailures}`;
  const row = await db
    .updateTable('app_user')
    .set({
      failed_logins: sql<number>`case when ${reaches} then 0 else failed_logins + 1 end`,
      locked_until: sql<Date | null>`case when ${reaches} then ${new Date(now + lockMs)}::timestamptz else null end`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', new Date(now))]))
    .returning('locked_until')
    .executeTakeFirst();
  return !row || row.locked_until !== null;
}

/** Clears the failed-login count unless the account is locked at `now`; whether it is locked. */
export async function clearLoginFailures(db: Kysely<Database>, id: number, now: number): Promise<boolean> {
  const row = await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', new Date(now))]))
    .returning('id')
    .executeTakeFirst();
  return !row;
}

/** Account `id`'s row, locked until the transaction `tx` ends (serialising every change to that account). */
export function lockUserRow(tx: Kysely<Database>, id: number) {
  return tx.selectFrom('app_user').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes fields of account `id` (and its updated_at). */
export async function updateUserRow(
  db: Kysely<Database>,
  id: number,
  values: Pick<Updateable<AppUserTable>, 'display_name' | 'phone' | 'disabled'>,
) {
  await db
    .updateTable('app_user')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Every grant of account `userId`, in every county, in the order they were given. */
export function grantsOfUserRows(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('role_grant')
    .select(['role', 'county_code', 'org_code', 'member_id'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** The grants of account `userId` in `county` (whole rows). */
export function grantsInCounty(db: Kysely<Database>, county: string, userId: number) {
  return db
    .selectFrom('role_grant')
    .selectAll()
    .where('county_code', '=', county)
    .where('user_id', '=', userId)
    .execute();
}

/** Inserts one grant. */
export async function insertGrant(db: Kysely<Database>, row: Insertable<RoleGrantTable>) {
  await db.insertInto('role_grant').values(row).execute();
}

/** Deletes grant `id` of `county`. */
export async function deleteGrant(db: Kysely<Database>, county: string, id: number) {
  await db.deleteFrom('role_grant').where('county_code', '=', county).where('id', '=', id).execute();
}

/**
 * Every grant of the accounts holding a grant in `county` (or only of account `id`), with the account, the
 * grant's unit name and its member's name: the users page's rows, by username then grant.
 */
export function userGrantList(db: Kysely<Database>, county: string, id?: number) {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .leftJoin('org_unit as o', (j) => j.onRef('o.county_code', '=', 'g.county_code').onRef('o.code', '=', 'g.org_code'))
    .leftJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'g.county_code').onRef('m.id', '=', 'g.member_id'),
    )
    .select(['u.id', 'u.username', 'u.display_name', 'u.is_demo', 'u.disabled', 'u.locked_until'])
    .select(['g.role', 'g.county_code', 'g.org_code', 'o.name as org_name', 'g.member_id', 'm.name as member_name'])
    .where('g.user_id', 'in', (eb) =>
      eb
        .selectFrom('role_grant')
        .select('user_id')
        .where('county_code', '=', county)
        .$if(id !== undefined, (q) => q.where('user_id', '=', id ?? 0)),
    )
    .orderBy('u.username')
    .orderBy('g.id')
    .execute();
}

/** Whether org unit `code` exists in `county` (a grant must lie on one). */
export async function orgUnitExists(db: Kysely<Database>, county: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_unit')
    .select('code')
    .where('county_code', '=', county)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** The names of org units `codes` (any county), as the signed-in user's grants show them. */
export function orgUnitNames(db: Kysely<Database>, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['code', 'name']).where('code', 'in', codes).execute();
}

/** The codes of every county of this installation, in code order. */
export async function countyCodes(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('org_unit').select('code').where('level', '=', 'county').orderBy('code').execute();
  return rows.map((r) => r.code);
}

/** The id of the account named `username`, if there is one. */
export async function userIdByUsername(db: Kysely<Database>, username: string): Promise<number | undefined> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  return row?.id;
}

/** The status of Party member `id` of `county`, or undefined when there is none (a grant names a member). */
export async function memberStatus(db: Kysely<Database>, county: string, id: number) {
  const row = await db
    .selectFrom('party_member')
    .select('status')
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.status;
}
