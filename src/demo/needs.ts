/**
 * What each household asked for help with (household_need), following from its causes and conditions:
 * an ill household needs medical care, a 因学 household help with schooling, a dangerous house safe
 * housing. Needs of households that left poverty are mostly met; those still poor have open ones.
 */
import type { Insertable } from 'kysely';
import type { HouseholdNeedTable } from '../db/schema.ts';
import type { CauseCode } from '../domain/codes.ts';
import { DEMO_TODAY, fromDayNumber, minDate, randomDate, toDayNumber } from './dates.ts';
import type { History } from './history.ts';
import type { Rng } from './random.ts';

const NEEDS_BY_CAUSE: Record<CauseCode, readonly string[]> = {
  illness: ['medical'],
  disability: ['care', 'medical'],
  schooling: ['schooling'],
  disaster: ['housing', 'capital'],
  marriage: ['capital'],
  land: ['skills', 'capital'],
  water: ['water'],
  skills: ['skills', 'employment'],
  labour: ['care', 'employment'],
  capital: ['capital'],
  transport: ['road'],
  drive: ['employment', 'policy'],
  other: ['policy', 'other'],
};

const DETAILS: Record<string, readonly string[]> = {
  capital: ['需要小额信贷发展种养殖', '缺少购买种苗的资金'],
  employment: ['希望在附近企业务工', '需要推荐公益性岗位'],
  schooling: ['子女学费、生活费负担重', '申请雨露计划补助'],
  medical: ['慢性病长期用药，需办理慢性病卡', '住院费用报销咨询', '需要家庭医生签约服务'],
  housing: ['房屋年久失修，申请危房改造', '灾后房屋需要修缮'],
  skills: ['需要种植技术指导', '希望参加养殖技术培训'],
  water: ['需接通自来水'],
  road: ['入户道路需硬化'],
  marketing: ['农产品销售渠道少', '希望通过电商销售土特产'],
  care: ['老人独居需要生活照料', '残疾人需要日常照护'],
  policy: ['了解扶贫政策和补助申请', '咨询养老保险缴费'],
  other: ['其他困难'],
};

/** 1–3 distinct needs, the causes' first, then housing for a dangerous house, then general ones. */
function needCodes(rng: Rng, causes: readonly CauseCode[], dangerousHouse: boolean): string[] {
  const wanted = new Set<string>();
  for (const cause of causes) wanted.add(rng.pick(NEEDS_BY_CAUSE[cause]));
  if (dangerousHouse) wanted.add('housing');
  for (const extra of rng.shuffle(['marketing', 'skills', 'policy', 'employment'])) wanted.add(extra);
  return [...wanted].slice(
    0,
    rng.weighted([
      [1, 40],
      [2, 40],
      [3, 20],
    ]),
  );
}

/** Open, met or (rarely) dropped; closed needs carry the day they were closed. */
function needState(
  rng: Rng,
  history: History,
  raisedOn: string,
): Pick<Insertable<HouseholdNeedTable>, 'status' | 'closed_on'> {
  const out = history.status === 'exited' || history.status === 'risk_cleared';
  const roll = rng.next();
  if (roll < 0.03) return { status: 'dropped', closed_on: randomDate(rng, raisedOn, DEMO_TODAY) };
  if (roll < (out ? 0.9 : 0.4)) {
    const by = minDate(history.exitedOn ?? DEMO_TODAY, DEMO_TODAY);
    return { status: 'met', closed_on: randomDate(rng, raisedOn, by < raisedOn ? raisedOn : by) };
  }
  return { status: 'open', closed_on: null };
}

/** The household's needs, raised within half a year of its identification. */
export function drawNeeds(
  rng: Rng,
  history: History,
  causes: readonly CauseCode[],
  dangerousHouse: boolean,
  countyCode: string,
  householdId: number,
): Insertable<HouseholdNeedTable>[] {
  return needCodes(rng, causes, dangerousHouse).map((need) => {
    const raisedOn = fromDayNumber(toDayNumber(history.identifiedOn) + rng.int(0, 180));
    return {
      county_code: countyCode,
      household_id: householdId,
      need,
      detail: rng.pick(DETAILS[need] ?? ['']),
      raised_on: raisedOn,
      ...needState(rng, history, raisedOn),
    };
  });
}
