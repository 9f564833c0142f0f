/**
 * Concurrent requests must not see or join each other's transactions, on every way the server can open the
 * database: PGlite inline, PGlite in its worker thread, and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/kysely.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createTestDatabase, testBackend } from './database.ts';

const handles: DatabaseHandle[] = [];
beforeAll(async () => {
  handles.push(await createTestDatabase());
  if (testBackend === 'pglite') {
    const worker = await openDatabase({ dataDir: null, pgliteThread: 'worker' });
    await migrateToLatest(worker.db);
    handles.push(worker);
  }
});
afterAll(async () => {
  for (const h of handles) await h.close();
});

const county = (code: string) => ({
  county_code: code,
  code,
  parent_code: null,
  level: 'county' as const,
  kind: '县',
  name: `县${code}`,
  path: code,
});

describe.each([0, 1])('isolation (handle %i)', (index) => {
  it('keeps a concurrent query out of an open transaction that later rolls back', async () => {
    const handle = handles[index];
    if (!handle) return; // the worker handle exists on the PGlite project only
    const { db } = handle;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted: () => void = () => {};
    const afterInsert = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const tx = db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('org_unit').values(county('110101')).execute();
        inserted();
        await held;
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await afterInsert;
    // Outside the transaction: a write of our own, and a read that must not see the uncommitted row.
    const outsideWrite = db.insertInto('org_unit').values(county('110102')).execute();
    const outsideRead = db.selectFrom('org_unit').select('code').where('code', '=', '110101').execute();
    setTimeout(release, 50);
    expect(await tx).toBe('roll back');
    await outsideWrite;
    expect(await outsideRead).toEqual([]);
    const codes = await db.selectFrom('org_unit').select('code').where('code', 'in', ['110101', '110102']).execute();
    expect(codes.map((r) => r.code)).toEqual(['110102']);
  });

  it('commits two concurrent transactions', async () => {
    const handle = handles[index];
    if (!handle) return;
    const { db } = handle;
    const run = (code: string) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('org_unit').values(county(code)).execute();
        return trx
          .selectFrom('org_unit')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
      });
    const [a, b] = await Promise.all([run(`12010${index}`), run(`13010${index}`)]);
    const both = await db
      .selectFrom('org_unit')
      .select('code')
      .where('code', 'in', [`12010${index}`, `13010${index}`])
      .execute();
    expect(both).toHaveLength(2);
    // PGlite runs one transaction at a time, so the second sees the first's row; PostgreSQL runs them at once.
    if (testBackend === 'pglite') expect(Math.abs(Number(a.n) - Number(b.n))).toBe(1);
  });
});
