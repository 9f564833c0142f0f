/**
 * Fixtures for the commitment tests: members and households posted through the API, and current pairings
 * inserted directly (the pairing use cases are another area), plus a signed-in 'member' user who is a member.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { makeResidentId } from '../src/domain/ids.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/plugins/access.ts';
import { createSession } from '../src/services/access/sessions.ts';
import type { Inject, TestApp } from './app.ts';
import { buildHousehold, COUNTY } from './households-factory.ts';

let plaques = 0;
let users = 0;

/** A member card posted through the API in natural village `nv`; returns its id. */
export async function postMember(t: TestApp, seq: number, nv: string, name = `党员${seq}`): Promise<number> {
  const res = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/members`,
    payload: {
      name,
      idNumber: makeResidentId(COUNTY, '1978-04-02', 300 + seq * 2 + 1),
      phone: `1391234${String(seq).padStart(4, '0')}`,
      ethnicity: 'han',
      education: 'senior',
      joinDate: '2006-07-01',
      membership: 'formal',
      branchName: '党支部',
      naturalVillageCode: nv,
      capacity: 2,
    },
  });
  if (res.statusCode !== 201) throw new Error(`member ${seq}: ${res.body}`);
  return res.json().id;
}

/** A household posted through the API in natural village `nv` (head 张建国<n>); returns its id. */
export async function postHousehold(t: TestApp, n: number, nv: string): Promise<number> {
  const res = await t.inject({
    method: 'POST',
    url: `/api/counties/${COUNTY}/households`,
    payload: buildHousehold(n, { naturalVillageCode: nv, registryNo: `${nv}${String(n).padStart(3, '0')}` }),
  });
  if (res.statusCode !== 201) throw new Error(`household ${n}: ${res.body}`);
  return res.json().id;
}

export interface PairingFixture {
  memberId: number;
  householdId: number;
  slot: 1 | 2;
  startedOn?: string;
  county?: string;
}

/** A current pairing row (slot 1 or 2, a unique plaque code); returns its id. */
export async function insertPairing(db: Kysely<Database>, p: PairingFixture): Promise<number> {
  plaques += 1;
  const row = await db
    .insertInto('pairing')
    .values({
      county_code: p.county ?? COUNTY,
      member_id: p.memberId,
      household_id: p.householdId,
      slot: p.slot,
      started_on: p.startedOn ?? '2020-03-01',
      plaque_code: `T${String(plaques).padStart(7, '0')}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A user with a 'member' grant on `orgCode` naming member `memberId` (or none), signed in: their inject. */
export async function signInMember(t: TestApp, orgCode: string, memberId: number | null): Promise<Inject> {
  users += 1;
  const db = t.database.db;
  const { id } = await db
    .insertInto('app_user')
    .values({ username: `member-user-${users}`, display_name: '党员用户', password_hash: 'scrypt$1$1$1$AA$AA' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grant')
    .values({ county_code: orgCode.slice(0, 6), user_id: id, role: 'member', org_code: orgCode, member_id: memberId })
    .execute();
  const { token, csrfToken } = await createSession(db, id, '127.0.0.1');
  return (options) =>
    t.app.inject({
      ...options,
      cookies: { ...(options.cookies ?? {}), [SESSION_COOKIE]: token },
      headers: { [CSRF_HEADER]: csrfToken, ...(options.headers ?? {}) },
    });
}
