/**
 * Public commitments (公开承诺) of the demo county, once its pairings exist: every active member with a current
 * pairing commits for the year with one item per paired household (and sometimes one for the village); most
 * commitments are published, with some items fulfilled and evidenced, a few still proposed or returned. Rows are
 * chosen in memory from the seeded generator and written with one statement per table (unnest arrays).
 */
import type { Kysely } from 'kysely';
import {
  currentPairingsWithoutCommitment,
  insertCommitmentColumns,
  insertItemColumns,
} from '../db/repositories/demo-commitments.ts';
import type { CommitmentStatus, Database } from '../db/schema.ts';
import { DEMO_TODAY, DEMO_YEAR, fromDayNumber, maxDate, minDate, randomDate, toDayNumber } from './dates.ts';
import type { Rng } from './random.ts';

const HOUSEHOLD_ITEMS = [
  '帮助结对户申请小额信贷，发展特色种养',
  '每月至少走访结对户一次，帮助解决生产生活困难',
  '帮助结对户劳动力联系就近务工岗位',
  '协助结对户落实医疗保障和慢病报销政策',
  '帮助结对户子女落实教育资助政策',
  '帮助结对户联系销售农产品',
] as const;
const VILLAGE_ITEMS = [
  '参与村组道路、水渠维护义务劳动',
  '带头开展房前屋后人居环境整治',
  '向群众宣讲扶贫政策不少于 4 次',
] as const;
const EVIDENCE = [
  '已办理，材料存村级帮扶档案',
  '已完成，帮扶手册有记录并经户主签字确认',
  '已落实，村党支部核实无误',
  '已完成，相关照片存帮扶纪实',
] as const;
const RETURN_COMMENTS = ['承诺内容不够具体，请写明完成时限', '请结合结对户的实际需求修改承诺'] as const;

export interface CommitmentSeedSummary {
  commitments: number;
  items: number;
  fulfilled: number;
}

interface Paired {
  memberId: number;
  householdIds: number[];
}

/** Active members with current pairings and no commitment of `year` yet, with their households by slot. */
async function pairedMembers(db: Kysely<Database>, county: string, year: number): Promise<Paired[]> {
  const rows = await currentPairingsWithoutCommitment(db, county, year);
  const byMember = new Map<number, number[]>();
  for (const r of rows) {
    const list = byMember.get(Number(r.member_id)) ?? [];
    list.push(Number(r.household_id));
    byMember.set(Number(r.member_id), list);
  }
  return [...byMember].map(([memberId, householdIds]) => ({ memberId, householdIds }));
}

interface CommitmentPlan {
  memberId: number;
  status: CommitmentStatus;
  reviewComment: string | null;
  reviewedOn: string | null;
  publishedOn: string | null;
  items: {
    content: string;
    householdId: number | null;
    dueOn: string;
    fulfilledOn: string | null;
    evidence: string | null;
  }[];
}

const addDays = (iso: string, days: number) => fromDayNumber(toDayNumber(iso) + days);

/** One member's commitment: mostly published (reviewed in spring), a few proposed or returned. */
function planOne(rng: Rng, member: Paired, year: number, today: string): CommitmentPlan {
  const status = rng.weighted<CommitmentStatus>([
    ['published', 85],
    ['proposed', 8],
    ['returned', 7],
  ]);
  const reviewedOn = status === 'proposed' ? null : randomDate(rng, `${year}-02-01`, `${year}-03-31`);
  const publishedOn = status === 'published' && reviewedOn ? addDays(reviewedOn, rng.int(1, 10)) : null;
  const contents = rng.shuffle(HOUSEHOLD_ITEMS);
  const items: CommitmentPlan['items'] = member.householdIds.slice(0, 2).map((householdId, i) => ({
    content: contents[i] as string,
    householdId,
    dueOn: randomDate(rng, `${year}-06-30`, `${year}-12-31`),
    fulfilledOn: null,
    evidence: null,
  }));
  if (rng.chance(0.5)) {
    items.push({
      content: rng.pick(VILLAGE_ITEMS),
      householdId: null,
      dueOn: `${year}-12-31`,
      fulfilledOn: null,
      evidence: null,
    });
  }
  if (publishedOn && publishedOn <= today) {
    for (const item of items) {
      if (!rng.chance(0.5)) continue;
      item.fulfilledOn = randomDate(rng, publishedOn, minDate(maxDate(item.dueOn, publishedOn), today));
      item.evidence = rng.pick(EVIDENCE);
    }
  }
  return {
    memberId: member.memberId,
    status,
    reviewComment: status === 'returned' ? rng.pick(RETURN_COMMENTS) : null,
    reviewedOn,
    publishedOn,
    items,
  };
}

async function insertCommitments(db: Kysely<Database>, county: string, year: number, plans: CommitmentPlan[]) {
  const col = <K extends keyof CommitmentPlan>(key: K) => plans.map((p) => p[key]);
  const rows = await insertCommitmentColumns(db, county, year, {
    memberId: col('memberId'),
    status: col('status'),
    reviewComment: col('reviewComment'),
    reviewedOn: col('reviewedOn'),
    publishedOn: col('publishedOn'),
  });
  return new Map(rows.map((r) => [Number(r.member_id), Number(r.id)]));
}

async function insertItems(db: Kysely<Database>, county: string, plans: CommitmentPlan[], ids: Map<number, number>) {
  const rows = plans.flatMap((p) => p.items.map((item, i) => ({ ...item, id: ids.get(p.memberId), position: i + 1 })));
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  await insertItemColumns(db, county, {
    commitmentId: col('id') as number[],
    position: col('position'),
    content: col('content'),
    householdId: col('householdId'),
    dueOn: col('dueOn'),
    fulfilledOn: col('fulfilledOn'),
    evidence: col('evidence'),
  });
  return { items: rows.length, fulfilled: rows.filter((r) => r.fulfilledOn !== null).length };
}

/**
 * Writes `year`'s commitments (the demo year by default) for members holding current pairings and none yet for
 * that year: deterministic from `rng` and the pairings, in one transaction. Not audited, like the rest of the seed.
 */
export async function seedDemoCommitments(
  db: Kysely<Database>,
  county: string,
  rng: Rng,
  year: number = DEMO_YEAR,
  today: string = DEMO_TODAY,
): Promise<CommitmentSeedSummary> {
  const members = await pairedMembers(db, county, year);
  // One stream per member (forked by id), so adding a member elsewhere leaves the others' commitments unchanged.
  const plans = members.map((m) => planOne(rng.fork(`commitment:${m.memberId}`), m, year, today));
  if (plans.length === 0) return { commitments: 0, items: 0, fulfilled: 0 };
  return db.transaction().execute(async (tx) => {
    const ids = await insertCommitments(tx, county, year, plans);
    const counts = await insertItems(tx, county, plans, ids);
    return { commitments: ids.size, ...counts };
  });
}
