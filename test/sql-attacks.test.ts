/**
 * Raw-SQL attacks on 不脱贫，不脱钩 and on append-only rows, sent through the application's own connection and
 * role (the handle the app serves from, switched to lianxin_app after migrating), on PGlite and PostgreSQL.
 * The database itself must refuse each one: constraints for the successor chain, privileges for deletes and
 * for moving a pairing. The service layer is not involved.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '../src/domain/ids.ts';
import { createTestApp, type TestApp } from './app.ts';
import { asOwner } from './database.ts';
import { buildHousehold, COUNTY, createPairing, createPlaces } from './factories.ts';

const API = `/api/counties/${COUNTY}`;
const NV = '340822100201001';
const DAY = '2024-03-01';
let t: TestApp;

/** The tables whose rows the application removes; every other table is append-only for its role. */
const DELETABLE = [
  'app_setting',
  // Audit entries staged by their writes: the seal moves them into audit_log (which stays append-only).
  'audit_pending',
  'commitment_item',
  'county_warning_setting',
  // Derived from the records by the points recompute (2026-12-08-02): replaced, not edited.
  'exemplary_member',
  'grid_household',
  'match_rejection',
  'member_points',
  'problem_deadline',
  // A flag recompute replaces the open flags (decided ones stay); one-time confirmation codes are used up.
  'record_confirm_code',
  'record_flag',
  'role_grant',
  'star_rating',
  'user_session',
];
/** History tables: appended to, never changed. */
const IMMUTABLE = [
  'assistance_photo',
  'assistance_record_version',
  'audit_log',
  'dictionary',
  'grid_event',
  'household_status_event',
  'problem_event',
];
/** The pairing columns a write may change (ending it, its measures); who helps whom since when is fixed. */
const PAIRING_UPDATABLE = [
  // Ended by a cleared monitoring case (2026-12-12-01), pinned to it as to a status event before.
  'cleared_case_id',
  'cleared_case_status',
  'cleared_event_id',
  'cleared_status',
  'end_note',
  'end_reason',
  'ended_on',
  'exit_id',
  'exit_status',
  'measures',
  'successor_id',
];

/** Runs SQL through the application's connection expecting a refusal; returns the SQLSTATE. */
async function refused(query: ReturnType<typeof sql>): Promise<string> {
  try {
    await query.execute(t.database.db);
  } catch (e) {
    return (e as { code?: string }).code ?? 'unknown';
  }
  return 'accepted';
}

async function post(url: string, payload: Record<string, unknown>): Promise<number> {
  const res = await t.inject({ method: 'POST', url: `${API}${url}`, payload });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
  return res.json().id as number;
}

const member = (n: number) =>
  post('/members', {
    name: `党员${n}`,
    idNumber: makeResidentId(COUNTY, '1979-04-10', 500 + n),
    ethnicity: 'han',
    education: 'senior',
    joinDate: '2006-07-01',
    membership: 'formal',
    branchName: '党支部',
    naturalVillageCode: NV,
    expertise: [],
    willingness: [],
    capacity: 2,
  });
const household = (n: number) =>
  post('/households', buildHousehold(n, { naturalVillageCode: NV, registryNo: `SQLATK${n}` }));

async function columnsOf(table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select column_name as name from information_schema.columns
    where table_schema = 'public' and table_name = ${table} order by 1`.execute(t.database.db);
  return rows.map((r) => r.name);
}

async function currentPairings(householdId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pairing
    where household_id = ${householdId} and ended_on is null`.execute(t.database.db);
  return rows[0]!.n;
}

const ids = {} as { w: number; x: number; y: number; z: number; h1: number; h2: number; h3: number };
beforeAll(async () => {
  t = await createTestApp();
  await createPlaces(t);
  [ids.w, ids.x, ids.y, ids.z] = [await member(0), await member(1), await member(2), await member(3)];
  [ids.h1, ids.h2, ids.h3] = [await household(1), await household(2), await household(3)];
}, 120_000);
afterAll(() => t.close());

describe('the application role', () => {
  it('is what the application connection runs as: lianxin_app, not a superuser', async () => {
    const { rows } = await sql<{ who: string; su: boolean }>`
      select current_user as who, rolsuper as su from pg_roles where rolname = current_user`.execute(t.database.db);
    expect(rows[0]).toEqual({ who: 'lianxin_app', su: false });
    // Nor may it switch off the foreign-key and check machinery or the privileges.
    expect(await refused(sql`set session_replication_role = replica`)).toBe('42501');
    expect(await refused(sql`alter table pairing drop constraint pairing_successor_after`)).toBe('42501');
    expect(await refused(sql`alter table pairing disable trigger all`)).toBe('42501');
    // A non-owner's GRANT only warns that nothing was granted: the privilege stays refused.
    await refused(sql`grant delete on pairing to lianxin_app`);
    expect(await refused(sql`delete from pairing where false`)).toBe('42501');
  });
});

describe('不脱钩: no cycle of successors ends a household’s pairings', () => {
  it('refuses two same-day pairings ending with each other as successor', async () => {
    const a = (await createPairing(t.database.db, { memberId: ids.x, householdId: ids.h1, startedOn: DAY })).id;
    const b = (await createPairing(t.database.db, { memberId: ids.y, householdId: ids.h1, startedOn: DAY })).id;
    const cycle = sql`update pairing set ended_on = ${DAY}, end_reason = 'moved',
      successor_id = case id when ${a} then ${b}::bigint else ${a}::bigint end where id in (${a}, ${b})`;
    expect(await refused(cycle)).toBe('23514');
    // In two steps: the first is a legitimate same-day handover to the later pairing; closing the loop is not.
    await sql`update pairing set ended_on = ${DAY}, end_reason = 'moved', successor_id = ${b} where id = ${a}`.execute(
      t.database.db,
    );
    expect(
      await refused(sql`update pairing set ended_on = ${DAY}, end_reason = 'moved', successor_id = ${a}
        where id = ${b}`),
    ).toBe('23514');
    expect(await currentPairings(ids.h1)).toBe(1);
  });

  it('refuses a cycle of three same-day pairings', async () => {
    const started = { householdId: ids.h2, startedOn: DAY, slot: 2 as const };
    const a = (await createPairing(t.database.db, { ...started, memberId: ids.x })).id;
    const b = (await createPairing(t.database.db, { ...started, memberId: ids.y })).id;
    const c = (await createPairing(t.database.db, { ...started, memberId: ids.z, slot: 1 })).id;
    const cycle = sql`update pairing set ended_on = ${DAY}, end_reason = 'moved',
      successor_id = case id when ${a} then ${b}::bigint when ${b} then ${c}::bigint else ${a}::bigint end where id in (${a}, ${b}, ${c})`;
    expect(await refused(cycle)).toBe('23514');
    expect(await currentPairings(ids.h2)).toBe(3);
  });
});

describe('append-only rows cannot be deleted or rewritten by the application', () => {
  it('refuses to DELETE a current pairing that has no records', async () => {
    const { id } = await createPairing(t.database.db, { memberId: ids.z, householdId: ids.h3, slot: 2 });
    expect(await refused(sql`delete from pairing where id = ${id}`)).toBe('42501');
    expect(await currentPairings(ids.h3)).toBe(1);
  });

  it('refuses DELETE on every table but the few whose rows the application removes', async () => {
    const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_name not like 'kysely_%' order by 1`.execute(t.database.db);
    const deletable: string[] = [];
    for (const { name } of rows) {
      const code = await refused(sql`delete from ${sql.table(name)} where false`);
      if (code === 'accepted') deletable.push(name);
      else expect(code, name).toBe('42501');
      expect(await refused(sql`truncate ${sql.table(name)}`), name).toBe('42501');
    }
    expect(deletable).toEqual(DELETABLE);
    expect(rows.length).toBeGreaterThan(DELETABLE.length + IMMUTABLE.length);
  });

  it('refuses UPDATE of any column of the history tables', async () => {
    for (const table of IMMUTABLE) {
      for (const column of await columnsOf(table)) {
        const set = sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)} where false`;
        expect(await refused(set), `${table}.${column}`).toBe('42501');
      }
    }
  });

  it('refuses to move a current pairing to another household, member, day, slot or plaque', async () => {
    const { id } = await createPairing(t.database.db, { memberId: ids.w, householdId: ids.h3, slot: 1 });
    expect(await refused(sql`update pairing set household_id = ${ids.h1} where id = ${id}`)).toBe('42501');
    const changeable: string[] = [];
    for (const column of await columnsOf('pairing')) {
      const code = await refused(sql`update pairing set ${sql.ref(column)} = ${sql.ref(column)} where id = ${id}`);
      if (code === 'accepted') changeable.push(column);
      else expect(code, column).toBe('42501');
    }
    expect(changeable).toEqual(PAIRING_UPDATABLE);
    const row = await t.database.db.selectFrom('pairing').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ household_id: ids.h3, member_id: ids.w, ended_on: null });
  });

  it('still lets the owner maintain the data (the refusals are the role’s, not a broken table)', async () => {
    const { id } = await createPairing(t.database.db, { memberId: ids.x, householdId: ids.h3, slot: 1 });
    await asOwner(t.database.db, (tx) => sql`delete from pairing where id = ${id}`.execute(tx));
    expect(await t.database.db.selectFrom('pairing').select('id').where('id', '=', id).execute()).toEqual([]);
  });
});
