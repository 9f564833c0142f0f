/**
 * Points and stars of the demo county (党员积分, 星级评定, 评先评优), from its seeded records: the county's own
 * star settings (local practice, as data), manual bonuses for members who helped (a few deductions for absence, a
 * few still pending), two approved vetoes with their evidence (a returned help record, a pairing) and one pending,
 * then the recompute of the past year and of the demo year. The past year's review steps are done — public notice
 * in January, final, its exemplary members chosen — and the demo year's are open: some groups reviewed their
 * members and the demo member assessed themself on the demo date. Queries: db/repositories/demo-party-points.ts.
 */
import type { Kysely } from 'kysely';
import {
  dateDemoReviews,
  demoAbsentees,
  demoAccountMember,
  demoHelpers,
  demoLeaders,
  demoPairings,
  demoReturnedRecords,
  insertDemoAdjustments,
  insertDemoVetoes,
} from '../db/repositories/demo-party-points.ts';
import { saveStarSetting } from '../db/repositories/stars.ts';
import { userIdByUsername } from '../db/repositories/users.ts';
import type { Database } from '../db/schema.ts';
import { advanceRound } from '../services/assessment/advance-round.ts';
import { type RecomputeSummary, recomputeYear } from '../services/assessment/recompute-year.ts';
import { finalizeExemplary, shortlistExemplary } from '../services/assessment/shortlist-exemplary.ts';
import { DEMO_TODAY, DEMO_YEAR } from './dates.ts';
import type { Rng } from './random.ts';

const BONUS_REASONS = ['防汛抗洪表现突出', '带头发展产业带动脱贫', '疫情防控志愿服务', '调解邻里纠纷'];
const DEDUCTION_REASONS = ['无故不参加组织生活', '帮扶记录不按时填报'];

/**
 * Local practice: most members' year is the organisational life they attended and a little service, so the
 * demo county sets its lines lower than the defaults (which assume a full year of signed-in activities).
 */
const DEMO_STAR_SETTING = {
  threshold_2: 2,
  threshold_3: 4,
  threshold_4: 10,
  threshold_5: 20,
  quota_5: 0.05,
  quota_4: 0.1,
  quota_3: 0.3,
  notice_days: 7,
  exemplary_quota: 3,
  exemplary_quotas: {},
};

export interface DemoPointsSummary {
  adjustments: number;
  vetoes: number;
  years: RecomputeSummary[];
}

export async function seedDemoPoints(db: Kysely<Database>, county: string, rng: Rng): Promise<DemoPointsSummary> {
  const year = DEMO_YEAR;
  const admin = (await userIdByUsername(db, 'demo_county_admin')) ?? null;
  const township = (await userIdByUsername(db, 'demo_township_admin')) ?? null;
  await db.transaction().execute((tx) => saveStarSetting(tx, county, DEMO_STAR_SETTING, admin));

  const helpers = await demoHelpers(db, county, year);
  const absentees = await demoAbsentees(db, county, year);
  const adjustments = [
    ...rng
      .weightedDistinct(
        helpers.map((id) => [id, 1] as const),
        80,
      )
      .map((member, i) => ({
        member,
        year: i % 4 === 0 ? year - 1 : year,
        kind: 'bonus' as const,
        points: rng.int(2, 6),
        reason: rng.pick(BONUS_REASONS),
        status: i % 10 === 9 ? ('pending' as const) : ('approved' as const),
      })),
    ...rng
      .weightedDistinct(
        absentees.map((id) => [id, 1] as const),
        25,
      )
      .map((member, i) => ({
        member,
        year,
        kind: 'deduction' as const,
        points: rng.int(1, 3),
        reason: rng.pick(DEDUCTION_REASONS),
        status: i % 5 === 4 ? ('rejected' as const) : ('approved' as const),
      })),
  ];
  await insertDemoAdjustments(
    db,
    adjustments.map((a) => ({
      county_code: county,
      member_id: a.member,
      year: a.year,
      kind: a.kind,
      points: a.points,
      reason: a.reason,
      status: a.status,
      requested_by: township,
      requested_on: a.year === year ? '2020-12-10' : '2019-12-20',
      decided_by: a.status === 'pending' ? null : admin,
      decided_on: a.status === 'pending' ? null : a.year === year ? '2020-12-15' : '2019-12-28',
    })),
  );

  const returned = await demoReturnedRecords(db, county, year);
  const pairings = await demoPairings(db, county);
  const vetoes = [
    ...returned.slice(0, 2).map((r, i) => ({
      member_id: r.memberId,
      code: 'fabricated_record' as const,
      pairing_id: null,
      record_id: r.id,
      reason: '帮扶纪实照片与走访内容不符，经核查为虚报',
      approved: i === 0,
    })),
    ...pairings.slice(0, 1).map((p) => ({
      member_id: p.memberId,
      code: 'abandoned_pairing' as const,
      pairing_id: p.id,
      record_id: null,
      reason: '长期不入户、不联系结对户',
      approved: true,
    })),
  ];
  await insertDemoVetoes(
    db,
    vetoes.map(({ approved, ...v }) => ({
      county_code: county,
      year,
      ...v,
      status: approved ? 'approved' : 'pending',
      requested_by: township,
      requested_on: '2020-12-12',
      decided_by: approved ? admin : null,
      decided_on: approved ? '2020-12-18' : null,
    })),
  );

  // The past year: computed, on notice in January, final, its exemplary members chosen in February.
  const past = await recomputeYear(db, county, year - 1);
  await advanceRound(db, county, year - 1, 'notice', `${year}-01-06`);
  await advanceRound(db, county, year - 1, 'final', `${year}-01-13`);
  await shortlistExemplary(db, county, year - 1, `${year}-01-15`);
  await finalizeExemplary(db, county, year - 1, `${year}-01-22`);

  // The demo year: computed, reviews open; a few groups reviewed, the demo member assessed themself.
  const current = await recomputeYear(db, county, year);
  const leader = await demoAccountMember(db, 'demo_group_leader');
  const leaders = [...(await demoLeaders(db, county, 40)), ...(leader === null ? [] : [leader])];
  await dateDemoReviews(db, county, year, leaders, await demoAccountMember(db, 'demo_member'), DEMO_TODAY);
  return { adjustments: adjustments.length, vetoes: vetoes.length, years: [past, current] };
}
