/**
 * The write envelope (services/write.ts): the step's rows and its audit entries commit together or not at all,
 * and the remembered reads hear of a write only once it has committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/kysely.ts';
import { runWithContext } from '../src/services/audit/request-context.ts';
import { verifyAuditChain } from '../src/services/audit/verify-audit.ts';
import { CountyMemo, follow } from '../src/services/county-memo.ts';
import { write } from '../src/services/write.ts';
import { createTestDatabase } from './database.ts';

const COUNTY = '990101';
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const unit = (code: string) => ({
  county_code: COUNTY,
  code,
  parent_code: code === COUNTY ? null : COUNTY,
  level: code === COUNTY ? ('county' as const) : ('township' as const),
  kind: '县',
  name: `单位${code}`,
  path: code === COUNTY ? code : `${COUNTY}.${code}`,
});

/** A memo following 'households' whose value says how often it was computed since the last announcement. */
function countingMemo() {
  const memo = follow(new CountyMemo<number>(), 'households');
  let computed = 0;
  return { read: () => memo.get(COUNTY, 'k', async () => ++computed) };
}

const auditRows = (action: string) =>
  handle.db
    .selectFrom('audit_log')
    .selectAll()
    .where('county_code', '=', COUNTY)
    .where('action', '=', action)
    .execute();

describe('write', () => {
  it('commits the step and its audit entries together, in the order recorded, on an intact chain', async () => {
    const answer = await write(handle.db, COUNTY, async (ctx) => {
      await ctx.tx.insertInto('org_unit').values(unit(COUNTY)).execute();
      ctx.audit({
        action: 'envelope.first',
        table: 'org_unit',
        recordId: COUNTY,
        orgCode: COUNTY,
        diff: { a: [1, 2] },
      });
      ctx.audit({ action: 'envelope.second', table: 'org_unit', recordId: COUNTY, orgCode: COUNTY });
      return 'done';
    });
    expect(answer).toBe('done');
    const [first] = await auditRows('envelope.first');
    const [second] = await auditRows('envelope.second');
    expect(first?.diff).toEqual({ a: [1, 2] });
    expect(Number(second?.seq)).toBe(Number(first?.seq) + 1);
    const rows = await handle.db.selectFrom('org_unit').select('code').where('code', '=', COUNTY).execute();
    expect(rows).toHaveLength(1);
    expect((await verifyAuditChain(handle.db, COUNTY)).ok).toBe(true);
  });

  it('rolls back the rows and the audit entries of a step that throws, and announces nothing', async () => {
    const memo = countingMemo();
    expect(await memo.read()).toBe(1);
    const failed = write(handle.db, COUNTY, async (ctx) => {
      await ctx.tx.insertInto('org_unit').values(unit('990101001')).execute();
      ctx.audit({ action: 'envelope.rolled_back', table: 'org_unit', recordId: 1, orgCode: COUNTY });
      ctx.changed('households');
      throw new Error('refused');
    });
    await expect(failed).rejects.toThrow('refused');
    expect(await auditRows('envelope.rolled_back')).toEqual([]);
    const rows = await handle.db.selectFrom('org_unit').select('code').where('code', '=', '990101001').execute();
    expect(rows).toEqual([]);
    expect(await memo.read()).toBe(1); // still the remembered value: no announcement
  });

  it('announces the topics only after the commit, to the memos following them', async () => {
    const memo = countingMemo();
    expect(await memo.read()).toBe(1);
    await write(handle.db, COUNTY, async (ctx) => {
      ctx.changed('households');
      // Inside the step the write has not committed: readers still get the remembered value.
      expect(await memo.read()).toBe(1);
      ctx.audit({ action: 'envelope.announced', table: 'org_unit', recordId: 2, orgCode: COUNTY });
    });
    expect(await memo.read()).toBe(2);
    // A write that names another topic leaves this memo alone.
    await write(handle.db, COUNTY, async (ctx) => {
      ctx.changed('warnings');
      ctx.audit({ action: 'envelope.other_topic', table: 'org_unit', recordId: 3, orgCode: COUNTY });
    });
    expect(await memo.read()).toBe(2);
  });

  it("stamps each entry with its request's context, or the one a batch names", async () => {
    const request = { actorId: null, actor: 'clerk-a', ip: '10.0.0.1', requestId: 'req-a' };
    const other = { actorId: null, actor: 'clerk-b', ip: '10.0.0.2', requestId: 'req-b' };
    await runWithContext(request, () =>
      write(handle.db, COUNTY, async (ctx) => {
        ctx.audit({ action: 'envelope.context', table: 'org_unit', recordId: 4, orgCode: COUNTY });
        ctx.audit({ action: 'envelope.context', table: 'org_unit', recordId: 5, orgCode: COUNTY }, other);
      }),
    );
    const rows = await auditRows('envelope.context');
    expect(rows.map((r) => [r.record_id, r.actor, r.request_id])).toEqual([
      ['4', 'clerk-a', 'req-a'],
      ['5', 'clerk-b', 'req-b'],
    ]);
    expect((await verifyAuditChain(handle.db, COUNTY)).ok).toBe(true);
  });
});
