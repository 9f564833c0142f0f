/**
 * Organisational life (组织生活) of the demo county in the demo year: the county's rules (the defaults, as rows),
 * and for every current group the activities its yearly plan asks for — most groups hold nearly all of them in
 * time, some are uneven (a late one, a missed one), a few have lapsed. Attendance is recorded for the activities
 * held since ATTENDANCE_SINCE, when the county began signing in on the platform (earlier sign-in sheets stayed on
 * paper): every current member of the group, mostly present, some excused or absent, members working away often
 * remote. That keeps the county at ~50k attendance rows, the scale the issue sets. The demo group leader's group
 * holds its December theme day on the demo date with nobody signed in yet, so the QR sign-in journey can start at
 * once, and has a meeting planned for January. Rows are chosen in memory from the seeded generator and written in
 * unnest batches; the queries are in db/repositories/demo-party-activities.ts.
 */
import type { Insertable, Kysely } from 'kysely';
import { analyze, ColumnTypes, insertBatches } from '../db/repositories/demo-insert.ts';
import {
  dateDemoGroups,
  demoGridMembers,
  demoGroups,
  demoLeaderMember,
  maxActivityId,
  resetActivityIdentity,
} from '../db/repositories/demo-party-activities.ts';
import type { Database } from '../db/schema.ts';
import type { ActivityAttendanceTable, PartyActivityTable } from '../db/schema-activities.ts';
import type { ActivityKind } from '../domain/party-life/activities.ts';
import { DEFAULT_ACTIVITY_RULES, type PlanSlot, yearPlan } from '../domain/party-life/activity-plan.ts';
import { DEMO_TODAY, DEMO_YEAR, fromDayNumber, maxDate, minDate, randomDate, toDayNumber } from './dates.ts';
import type { Rng, Weighted } from './random.ts';

/** From this day on, the county's groups record attendance on the platform. */
export const ATTENDANCE_SINCE = `${DEMO_YEAR}-12-01`;
/** When the grids' Party groups were set up (business time): before the demo year's first activity. */
const GROUPS_SET_UP = `${DEMO_YEAR - 1}-12-01T09:00:00+08:00`;

type Profile = 'steady' | 'uneven' | 'lapsed';
type Outcome = 'in_time' | 'late' | 'missed';

const PROFILES: Weighted<Profile> = [
  ['steady', 75],
  ['uneven', 18],
  ['lapsed', 7],
];
const OUTCOMES: Record<Profile, Weighted<Outcome>> = {
  steady: [
    ['in_time', 96],
    ['late', 3],
    ['missed', 1],
  ],
  uneven: [
    ['in_time', 75],
    ['late', 15],
    ['missed', 10],
  ],
  lapsed: [
    ['in_time', 35],
    ['late', 15],
    ['missed', 50],
  ],
};

const TOPICS: Record<ActivityKind, readonly string[]> = {
  group_meeting: ['研究本月结对帮扶工作', '通报网格内脱贫户收入监测情况', '讨论贫困户产业发展需求', '安排冬春帮扶走访'],
  party_lecture: [
    '学习党章和习近平新时代中国特色社会主义思想',
    '党员如何在脱贫攻坚中发挥先锋模范作用',
    '学习脱贫攻坚政策',
  ],
  theme_day: ['重温入党誓词，开展环境整治', '走访慰问困难群众', '学习先进典型事迹', '开展政策宣讲进农户'],
  study: ['集中学习党的十九届五中全会精神', '学习防返贫监测帮扶政策', '学习产业扶贫和就业扶贫政策'],
  volunteer: ['为结对户义务帮工', '村组道路义务劳动', '帮助群众销售农产品'],
};
const CONTENT = '组长主持，党员逐一发言，议定事项由组长跟踪落实。';
const EXCUSES = ['外出务工', '生病住院', '照顾家人', '参加村里其他工作'] as const;
const CANCEL_REASONS = ['防汛抗旱任务冲突', '疫情防控要求暂停聚集'] as const;

interface Member {
  memberId: number;
  migrant: boolean;
}

export interface ActivitySeedSummary {
  activities: number;
  attendance: number;
}

/** A day of `slot` for planning, and the day it was held for `outcome` (null: not held by the demo date). */
function daysOf(rng: Rng, slot: PlanSlot, outcome: Outcome): { plannedOn: string; heldOn: string | null } {
  const plannedOn = randomDate(rng, slot.from, minDate(slot.to, DEMO_TODAY));
  if (outcome === 'missed') return { plannedOn, heldOn: null };
  if (outcome === 'in_time') {
    const shifted = fromDayNumber(toDayNumber(plannedOn) + (rng.chance(0.8) ? 0 : rng.int(-3, 3)));
    return { plannedOn, heldOn: minDate(maxDate(shifted, slot.from), minDate(slot.to, DEMO_TODAY)) };
  }
  const late = fromDayNumber(toDayNumber(slot.to) + rng.int(5, 40));
  // A slot ending too near the demo date cannot be late yet: it is still planned.
  return { plannedOn, heldOn: late <= DEMO_TODAY ? late : null };
}

/** One member's mark at an activity held on `heldOn`. */
function markOf(
  rng: Rng,
  activityId: number,
  member: Member,
  heldOn: string,
): Omit<Insertable<ActivityAttendanceTable>, 'county_code'> {
  const status = member.migrant
    ? rng.weighted<'present' | 'excused' | 'absent'>([
        ['present', 55],
        ['excused', 35],
        ['absent', 10],
      ])
    : rng.weighted<'present' | 'excused' | 'absent'>([
        ['present', 88],
        ['excused', 7],
        ['absent', 5],
      ]);
  const remote = status === 'present' && member.migrant && rng.chance(0.8);
  return {
    activity_id: activityId,
    member_id: member.memberId,
    status,
    reason: status === 'excused' ? (member.migrant ? '外出务工' : rng.pick(EXCUSES)) : null,
    remote,
    method: status === 'present' && !remote && rng.chance(0.45) ? 'qr' : 'leader',
    marked_at: `${heldOn}T20:00:00+08:00`,
  };
}

/** Seeds the rules, every group's activities of the demo year and the recent attendance. */
export async function seedDemoActivities(db: Kysely<Database>, county: string, rng: Rng): Promise<ActivitySeedSummary> {
  await dateDemoGroups(db, county, GROUPS_SET_UP);
  const types = new ColumnTypes();
  await insertBatches(
    db,
    types,
    'activity_rule',
    DEFAULT_ACTIVITY_RULES.map((r) => ({
      county_code: county,
      kind: r.kind,
      frequency: r.frequency,
      counts_for_points: r.countsForPoints,
      active: true,
      updated_at: GROUPS_SET_UP,
    })),
  );
  const [groups, gridMembers, leader, firstId] = await Promise.all([
    demoGroups(db, county),
    demoGridMembers(db, county),
    demoLeaderMember(db, county),
    maxActivityId(db),
  ]);
  const membersOf = new Map<number, Member[]>();
  for (const m of gridMembers) {
    const list = membersOf.get(m.gridId) ?? [];
    list.push({ memberId: m.memberId, migrant: m.migrant });
    membersOf.set(m.gridId, list);
  }
  const plan = yearPlan(DEFAULT_ACTIVITY_RULES, DEMO_YEAR);
  const activities: Insertable<PartyActivityTable>[] = [];
  const attendance: Insertable<ActivityAttendanceTable>[] = [];
  let id = firstId;
  const add = (groupId: number, row: Omit<Insertable<PartyActivityTable>, 'county_code' | 'group_id' | 'id'>) => {
    id += 1;
    // Every row has every column (one unnest statement per batch): the defaults first.
    const defaults = { held_on: null, topic: '', content: '', cancel_reason: null };
    activities.push({ county_code: county, id, group_id: groupId, ...defaults, ...row });
    return id;
  };
  for (const group of groups) {
    const g = rng.fork(`group:${group.id}`);
    const demoLeaders = leader !== null && group.leaderMemberId === leader;
    const profile = demoLeaders ? 'steady' : g.weighted(PROFILES);
    const members = membersOf.get(group.gridId) ?? [];
    for (const slot of plan) {
      const outcome = demoLeaders ? 'in_time' : g.weighted(OUTCOMES[profile]);
      const { plannedOn, heldOn: chosen } = daysOf(g, slot, outcome);
      // The demo leader's December theme day is being held on the demo date: nobody has signed in yet.
      const today = demoLeaders && slot.kind === 'theme_day' && slot.to === DEMO_TODAY;
      const heldOn = today ? DEMO_TODAY : chosen;
      const topic = g.pick(TOPICS[slot.kind]);
      const common = {
        kind: slot.kind,
        planned_on: today ? DEMO_TODAY : plannedOn,
        place: group.activityAddress,
        created_at: `${fromDayNumber(toDayNumber(plannedOn) - 7)}T09:00:00+08:00`,
      };
      if (heldOn === null) {
        // Missed: mostly nothing was planned; some stayed planned, a few were cancelled.
        if (outcome === 'missed' && g.chance(0.6)) continue;
        const cancelled = outcome === 'missed' && g.chance(0.4);
        add(group.id, {
          ...common,
          status: cancelled ? 'cancelled' : 'planned',
          topic: cancelled ? topic : '',
          cancel_reason: cancelled ? g.pick(CANCEL_REASONS) : null,
          updated_at: `${plannedOn}T09:00:00+08:00`,
        });
        continue;
      }
      const activityId = add(group.id, {
        ...common,
        held_on: heldOn,
        status: 'held',
        topic,
        content: CONTENT,
        updated_at: `${heldOn}T18:00:00+08:00`,
      });
      if (heldOn < ATTENDANCE_SINCE || today) continue;
      for (const member of members) attendance.push({ county_code: county, ...markOf(g, activityId, member, heldOn) });
    }
    if (demoLeaders) {
      add(group.id, {
        kind: 'group_meeting',
        planned_on: `${DEMO_YEAR + 1}-01-08`,
        status: 'planned',
        place: group.activityAddress,
        topic: g.pick(TOPICS.group_meeting),
        created_at: `${DEMO_TODAY}T09:00:00+08:00`,
        updated_at: `${DEMO_TODAY}T09:00:00+08:00`,
      });
    }
  }
  await db.transaction().execute(async (tx) => {
    await insertBatches(tx, types, 'party_activity', activities);
    await resetActivityIdentity(tx);
    // Fresh statistics, so the attendance rows' foreign-key checks find the activities by index.
    await analyze(tx, 'party_activity');
    await insertBatches(tx, types, 'activity_attendance', attendance);
  });
  return { activities: activities.length, attendance: attendance.length };
}
