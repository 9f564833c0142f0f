/**
 * The audit chain covers every stored column exactly: the smallest edit of any column of an entry (a timestamp
 * moved by one microsecond, a digit of a diff beyond a double's precision, one character of a text) is
 * reported at that entry by `verifyAuditChain`, on PGlite and PostgreSQL. Edits are made as the owner (the
 * application's role may not touch the trail at all) inside a transaction that is rolled back.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/kysely.ts';
import type { Database } from '../src/db/schema.ts';
import { auditMany } from '../src/services/audit/audit.ts';
import { type BrokenReason, type ChainReport, verifyAuditChain } from '../src/services/audit/verify-audit.ts';
import { asOwner, createTestDatabase } from './database.ts';

/** A county of its own, so the chain holds only the entries written here. */
const COUNTY = '349901';
const TAMPERED_SEQ = 3;
let database: DatabaseHandle;

class Rollback extends Error {}

/** SET clauses for the smallest edits of each column of audit_log (every column needs at least one). */
const lastChar = (column: string) =>
  sql.raw(`${column} = left(${column}, -1) || case when right(${column}, 1) = 'x' then 'y' else 'x' end`);
const flipHex = (column: string) =>
  sql.raw(`${column} = left(${column}, -1) || case when right(${column}, 1) = '0' then '1' else '0' end`);
const EDITS: Record<string, Array<{ set: RawBuilder<unknown>; reason: BrokenReason }>> = {
  county_code: [{ set: sql`county_code = '349902'`, reason: 'sequence_gap' }],
  seq: [{ set: sql`seq = seq + 1000`, reason: 'sequence_gap' }],
  at: [
    { set: sql`at = at + interval '1 microsecond'`, reason: 'hash_mismatch' },
    { set: sql`at = at - interval '1 microsecond'`, reason: 'hash_mismatch' },
  ],
  actor_id: [{ set: sql`actor_id = actor_id + 1`, reason: 'hash_mismatch' }],
  actor: [{ set: lastChar('actor'), reason: 'hash_mismatch' }],
  action: [{ set: lastChar('action'), reason: 'hash_mismatch' }],
  table_name: [{ set: lastChar('table_name'), reason: 'hash_mismatch' }],
  record_id: [{ set: lastChar('record_id'), reason: 'hash_mismatch' }],
  org_code: [{ set: lastChar('org_code'), reason: 'hash_mismatch' }],
  diff: [
    { set: sql`diff = jsonb_set(diff, '{name,1}', '"丙"')`, reason: 'hash_mismatch' },
    { set: sql`diff = jsonb_set(diff, '{income,1}', '1234.5')`, reason: 'hash_mismatch' },
    // The same double in JS, another number in the database.
    { set: sql`diff = jsonb_set(diff, '{income,1}', '1234.7500000000000000001')`, reason: 'stored_value_mismatch' },
    { set: sql`diff = jsonb_set(diff, '{big,1}', '9007199254740993')`, reason: 'stored_value_mismatch' },
  ],
  ip: [{ set: lastChar('ip'), reason: 'hash_mismatch' }],
  request_id: [{ set: lastChar('request_id'), reason: 'hash_mismatch' }],
  prev_hash: [{ set: flipHex('prev_hash'), reason: 'prev_hash_mismatch' }],
  hash: [{ set: flipHex('hash'), reason: 'hash_mismatch' }],
};

/** Applies one edit to the entry as the owner, verifies the chain in the same transaction, then rolls back. */
async function verifyAfter(set: RawBuilder<unknown>): Promise<ChainReport> {
  let report: ChainReport | undefined;
  try {
    await asOwner(database.db, async (tx: Kysely<Database>) => {
      const edited =
        await sql`update audit_log set ${set} where county_code = ${COUNTY} and seq = ${TAMPERED_SEQ}`.execute(tx);
      expect(Number(edited.numAffectedRows)).toBe(1);
      report = await verifyAuditChain(tx, COUNTY);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return report!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const context = { actorId: 7, actor: 'admin', ip: '10.0.0.7', requestId: 'req-0001' };
  const entries = [1, 2, 3, 4, 5].map((n) => ({
    context,
    input: {
      action: 'household.update',
      table: 'household',
      recordId: 100 + n,
      orgCode: '349901100201001',
      diff: { name: ['甲', '乙'], income: [1000.25, 1234.75], big: [null, 9007199254740992] } as Record<
        string,
        [unknown, unknown]
      >,
    },
  }));
  await database.db.transaction().execute((tx) => auditMany(tx, COUNTY, entries));
}, 300_000);
afterAll(() => database?.close());

describe('audit chain precision', () => {
  it('verifies the untouched chain', async () => {
    expect(await verifyAuditChain(database.db, COUNTY)).toEqual({ county: COUNTY, entries: 5, ok: true });
  });

  it('has a smallest edit for every column of audit_log', async () => {
    const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = 'audit_log' order by 1`.execute(database.db);
    expect(rows.map((r) => r.name)).toEqual(Object.keys(EDITS).sort());
  });

  for (const [column, edits] of Object.entries(EDITS)) {
    it(`reports the entry whose ${column} was changed by the smallest step`, async () => {
      for (const { set, reason } of edits) {
        const report = await verifyAfter(set);
        expect(report, set.compile(database.db).sql).toMatchObject({
          ok: false,
          broken: { seq: TAMPERED_SEQ, reason },
        });
      }
    });
  }

  it('the application role cannot make any of these edits', async () => {
    const refused = await sql`update audit_log set actor = actor where false`.execute(database.db).then(
      () => 'accepted',
      (e: { code?: string }) => e.code,
    );
    expect(refused).toBe('42501');
  });
});
