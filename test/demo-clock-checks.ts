/**
 * The demo clock on a seeded demo county (called from seed-demo.test.ts, which has the county already seeded, so
 * no second seed): without the setting business time is real time; anchored as `seed --demo` anchors it, the
 * business date is the demo's 2020-12-31, the overdue sweep moves exactly the problems late at that date (counted
 * by SQL of its own from the anchor row), and the early warning's "no verified help" flags a minority.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/schema.ts';
import { DEMO_CLOCK_START } from '../src/demo/dates.ts';
import { setClockAnchor } from '../src/domain/clock.ts';
import { chinaDateOf } from '../src/domain/dates.ts';
import {
  anchorDemoClock,
  loadBusinessClock,
  removeDemoClock,
  restartDemoClock,
} from '../src/services/clock/business-clock.ts';
import { listOverdue } from '../src/services/problems/list-problems.ts';
import { sweepOverdue } from '../src/services/problems/sweep-overdue.ts';
import { listWarnings } from '../src/services/warnings/list-warnings.ts';

const COUNTY = '340822';

/** Business now computed from the stored anchor, independently of domain/clock.ts. */
async function businessNowFromRow(db: Kysely<Database>): Promise<Date> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'demo_clock').executeTakeFirst();
  const anchor = row?.value as { realAt: string; businessAt: string };
  return new Date(Date.now() - (Date.parse(anchor.realAt) - Date.parse(anchor.businessAt)));
}

async function counts(db: Kysely<Database>, now: Date) {
  const { rows } = await sql<{ open: number; late: number; sweepable: number; county_unflagged: number }>`
    select count(*)::int as open,
      (count(*) filter (where due_at < ${now}))::int as late,
      (count(*) filter (where due_at < ${now} and (level <> 'county' or overdue_flagged_at is null)))::int as sweepable,
      (count(*) filter (where due_at < ${now} and level = 'county' and overdue_flagged_at is null))::int
        as county_unflagged
    from problem where county_code = ${COUNTY} and status not in ('resolved', 'closed')`.execute(db);
  return rows[0]!;
}

export function describeDemoClock(database: () => Kysely<Database>, scale: number): void {
  describe('the demo clock on the seeded county', () => {
    afterAll(() => setClockAnchor(null));

    it('is real time while no demo clock is set', async () => {
      expect(await loadBusinessClock(database())).toEqual({ today: chinaDateOf(new Date()), demoClock: false });
    });

    it('anchored at seeding, shows 2020-12-31 with about one open problem in ten overdue', async () => {
      const db = database();
      await anchorDemoClock(db, DEMO_CLOCK_START);
      expect(await loadBusinessClock(db)).toEqual({ today: '2020-12-31', demoClock: true });
      const c = await counts(db, await businessNowFromRow(db));
      expect(c.open).toBe(Math.round(810 * scale) + Math.round(90 * scale));
      expect(c.late).toBe(Math.round(90 * scale));
      expect(c.late / c.open).toBeGreaterThanOrEqual(0.05);
      expect(c.late / c.open).toBeLessThanOrEqual(0.15);
    });

    it('sweeps exactly the problems late at the business date, once', async () => {
      const db = database();
      const before = await counts(db, await businessNowFromRow(db));
      const result = await sweepOverdue(db, { county: COUNTY });
      expect(result).toEqual({ checked: before.sweepable, escalated: before.sweepable - before.county_unflagged });
      expect(await sweepOverdue(db, { county: COUNTY })).toEqual({ checked: 0, escalated: 0 });
      // Moved up with fresh deadlines: late now are only those held at the county (flagged, nowhere higher).
      const after = await counts(db, await businessNowFromRow(db));
      const board = await listOverdue(db, COUNTY, {});
      expect(board.total).toBe(after.late);
      expect(after.late).toBe(before.late - result.escalated);
      expect(after.sweepable).toBe(0);
    });

    it('flags a minority of paired households for no verified help in 60 days', async () => {
      const db = database();
      const { rows } = await sql<{ paired: number; lapsed: number }>`
        with paired as (
          select distinct p.household_id from pairing p join household h on h.county_code = p.county_code
            and h.id = p.household_id
          where p.county_code = ${COUNTY} and p.ended_on is null and not exists (select 1 from monitoring_case c
            where c.county_code = h.county_code and c.household_id = h.id and c.status = 'open')
        ), last as (
          select household_id, max(visited_on) as on from assistance_record
          where county_code = ${COUNTY} and status = 'verified' group by household_id
        )
        select count(*)::int as paired,
          (count(*) filter (where last.on is null or last.on < date '2020-11-01'))::int as lapsed
        from paired left join last using (household_id)`.execute(db);
      const { paired, lapsed } = rows[0]!;
      const warnings = await listWarnings(db, COUNTY, { kind: 'no_help' });
      expect(warnings.total).toBe(lapsed);
      expect(lapsed).toBeGreaterThan(0);
      expect(lapsed / paired).toBeLessThan(0.1);
    });

    it('is real time again once the anchor is removed, and anchored again by hand (both audited)', async () => {
      const db = database();
      expect(await removeDemoClock(db)).toMatchObject({ businessAt: new Date(DEMO_CLOCK_START).toISOString() });
      expect(await loadBusinessClock(db)).toEqual({ today: chinaDateOf(new Date()), demoClock: false });
      const audited = await db
        .selectFrom('audit_log')
        .select('county_code')
        .where('action', '=', 'clock.real')
        .orderBy('county_code')
        .execute();
      expect(audited.map((r) => r.county_code)).toEqual(['110101', COUNTY]);
      expect(await removeDemoClock(db)).toBeNull();
      // `lianxin clock --demo` anchors it again by hand, audited too; then off again for whatever runs next.
      await restartDemoClock(db, DEMO_CLOCK_START);
      expect(await loadBusinessClock(db)).toEqual({ today: '2020-12-31', demoClock: true });
      const demo = await db.selectFrom('audit_log').select('county_code').where('action', '=', 'clock.demo').execute();
      expect(demo).toHaveLength(2);
      await removeDemoClock(db);
      expect((await loadBusinessClock(db)).demoClock).toBe(false);
    });
  });
}
