/**
 * A year of problems (问题上报与逐级办理) for the demo county with their full trails: helpers raise them for their
 * paired households at the grid; most are accepted and resolved at the grid, others escalated village →
 * township → county (sometimes handed to a department), resolved mostly within the level's deadline and then
 * confirmed; ~900 are still open at the demo clock's start (DEMO_CLOCK_START), about one in ten of them past its
 * deadline (the overdue sweep's work when the demo starts). Every time is before that start. Ids are assigned here
 * so events can name their problem; both tables are written with unnest arrays.
 */
import type { Kysely } from 'kysely';
import {
  type EventRow,
  insertProblemEvents,
  insertProblems,
  maxProblemId,
  type ProblemRow,
  pairedHouseholdsOfCounty,
  setProblemSequence,
  skipForeignKeyTriggers,
} from '../db/repositories/demo-history.ts';
import type { Database } from '../db/schema.ts';
import { deadlineHours } from '../domain/deadlines.ts';
import { holderCode, LEVELS, type ProblemLevel, type Urgency } from '../domain/escalation.ts';
import { DEMO_CLOCK_START, DEMO_TODAY, DEMO_YEAR, toDayNumber } from './dates.ts';
import type { Rng } from './random.ts';

/** Problems per unit of scale: resolved or closed, still open within their deadline, open and overdue (~10 %). */
export const PROBLEMS_PER_SCALE = { resolved: 19_000, open: 810, overdue: 90 };

const HOUR = 3_600_000;
const CATEGORIES = [
  ['industry', 24],
  ['employment', 18],
  ['medical', 16],
  ['education', 8],
  ['housing', 10],
  ['water', 8],
  ['dibao', 10],
  ['other', 6],
] as const;
const FINAL_LEVEL = [
  ['grid', 60],
  ['village', 25],
  ['township', 11],
  ['county', 4],
] as const;
/** Problems still late at the demo's start are mostly the hard ones, held high up. */
const OVERDUE_LEVEL = [
  ['grid', 15],
  ['village', 25],
  ['township', 30],
  ['county', 30],
] as const;
const ACTOR: Record<ProblemLevel, string> = {
  grid: '网格长',
  village: '村党组织书记',
  township: '乡镇干部',
  county: '县扶贫办',
};
const DESCRIPTIONS: Record<string, string> = {
  industry: '种苗、饲料资金不足，需要产业奖补',
  employment: '家中劳动力需要就近务工岗位',
  medical: '慢病报销手续未办妥',
  education: '子女教育资助未到位',
  housing: '房屋漏雨，需要维修',
  water: '饮水管道破损',
  dibao: '申请低保需要协助',
  other: '生活困难需要帮助',
};

interface Paired {
  householdId: number;
  memberId: number;
  nv: string;
}

/** A day time (China) in the demo year between the given days, as ms. */
function momentBetween(rng: Rng, firstDay: number, lastDay: number): number {
  return (rng.int(firstDay, lastDay) * 24 + rng.int(8, 17) - 8) * HOUR + rng.int(0, 59) * 60_000;
}

type Outcome = 'resolved' | 'open' | 'overdue';

const TODAY = toDayNumber(DEMO_TODAY);
/** Days a problem of each outcome is raised between. */
const WINDOWS: Record<Outcome, [number, number]> = {
  resolved: [toDayNumber(`${DEMO_YEAR}-01-01`), TODAY - 40],
  open: [TODAY, TODAY], // not used: see openRaisedAt
  overdue: [TODAY - 40, TODAY - 30],
};
const START = Date.parse(DEMO_CLOCK_START);

/**
 * When a problem still open within its deadline was raised: 10–85 % of its grid deadline before the demo clock's
 * start (an accept takes at most 5 % more), so it is neither late nor raised after the start.
 */
function openRaisedAt(rng: Rng, gridHours: number): number {
  return START - Math.round((0.1 + 0.75 * rng.next()) * gridHours * HOUR);
}

/** One problem and its trail; `at` moves forward through the steps. */
function planProblem(rng: Rng, id: number, who: Paired, outcome: Outcome, user: number): [ProblemRow, EventRow[]] {
  const category = rng.weighted(CATEGORIES);
  const urgency: Urgency = rng.chance(0.15) ? 'urgent' : 'normal';
  // Still open at the demo clock's start: raised lately at the grid, within its deadline.
  const final: ProblemLevel =
    outcome === 'open' ? 'grid' : rng.weighted(outcome === 'overdue' ? OVERDUE_LEVEL : FINAL_LEVEL);
  const [first, last] = WINDOWS[outcome];
  let at =
    outcome === 'open'
      ? openRaisedAt(rng, deadlineHours([], category, urgency, 'grid'))
      : momentBetween(rng, first, last);
  const events: EventRow[] = [];
  const step = (
    action: string,
    from: [ProblemLevel | null, string | null],
    to: [ProblemLevel, string],
    actor: string,
  ) =>
    events.push({
      problemId: id,
      action,
      actor,
      fromLevel: from[0],
      toLevel: to[0],
      fromStatus: from[1],
      toStatus: to[1],
      at,
      automatic: false,
    });
  const created = at;
  step('raise', [null, null], ['grid', 'open'], '帮扶责任人');
  let level: ProblemLevel = 'grid';
  let entered = at;
  const hours = (l: ProblemLevel) => deadlineHours([], category, urgency, l);
  for (;;) {
    if (outcome === 'open' && rng.chance(0.5)) break; // not yet accepted
    at += Math.max(1, Math.round(hours(level) * (outcome === 'open' ? 0.05 : 0.3) * rng.next())) * HOUR;
    step('accept', [level, 'open'], [level, 'accepted'], ACTOR[level]);
    if (level === final) break;
    at += rng.int(2, 24) * HOUR;
    const up = LEVELS[LEVELS.indexOf(level) + 1] as ProblemLevel;
    step('escalate', [level, 'accepted'], [up, 'open'], ACTOR[level]);
    level = up;
    entered = at;
  }
  const due = entered + hours(level) * HOUR;
  const row: ProblemRow = {
    id,
    householdId: who.householdId,
    nv: who.nv,
    memberId: who.memberId,
    category,
    urgency,
    description: DESCRIPTIONS[category] as string,
    level,
    status: (events.at(-1) as EventRow).toStatus,
    holder: holderCode(level, who.nv),
    department: null,
    entered,
    due,
    overdueFlagged: null,
    resolution: null,
    resolvedAt: null,
    resolvedBy: null,
    closedAt: null,
    closedBy: null,
    created,
    updated: at,
  };
  if (outcome === 'resolved')
    resolve(
      rng,
      row,
      step,
      () => at,
      (t) => {
        at = t;
      },
      user,
    );
  else if (outcome === 'overdue' && level === 'county') {
    // Late at the county, the sweep flags it (there is no level above); lower levels wait for the sweep to move
    // them up when the demo starts (the server sweeps 15 minutes after it starts).
    at = due + HOUR;
    row.overdueFlagged = at;
    events.push({
      problemId: id,
      action: 'overdue',
      actor: 'system',
      fromLevel: level,
      toLevel: level,
      fromStatus: 'accepted',
      toStatus: 'accepted',
      at,
      automatic: true,
    });
  }
  row.updated = at;
  return [row, events];
}

type Step = (action: string, from: [ProblemLevel, string], to: [ProblemLevel, string], actor: string) => void;

/** Resolution at the final level: on time ~85 %, sometimes through a department, mostly confirmed (closed). */
function resolve(rng: Rng, row: ProblemRow, step: Step, now: () => number, set: (t: number) => void, user: number) {
  const level = row.level as ProblemLevel;
  const span = row.due - now();
  const late = rng.chance(0.15);
  if ((level === 'township' || level === 'county') && rng.chance(0.4)) {
    set(now() + Math.round(span * 0.2 * rng.next()));
    row.department = rng.pick(['县人社局', '县卫健委', '县住建局', '县水利局', '县民政局']);
    step('hand_to_department', [level, 'accepted'], [level, 'with_department'], ACTOR[level]);
  }
  const before = row.department ? 'with_department' : 'accepted';
  set(
    late ? row.due + rng.int(2, 96) * HOUR : now() + Math.max(HOUR, Math.round((row.due - now()) * rng.next() * 0.9)),
  );
  row.resolution = '已协调解决，户主认可';
  row.resolvedAt = now();
  row.resolvedBy = user;
  row.status = 'resolved';
  step('resolve', [level, before], [level, 'resolved'], ACTOR[level]);
  if (rng.chance(0.9)) {
    set(now() + rng.int(24, 120) * HOUR);
    row.status = 'closed';
    row.closedAt = now();
    row.closedBy = user;
    step('confirm', [level, 'resolved'], [level, 'closed'], '村党组织书记');
  }
}

/**
 * Writes the demo year's problems (about `PROBLEMS_PER_SCALE × scale` of each outcome) for households with a
 * current helper, with their events, in one transaction. Returns the counts written.
 */
export async function seedDemoProblems(db: Kysely<Database>, county: string, rng: Rng, scale: number, user: number) {
  const paired: Paired[] = await pairedHouseholdsOfCounty(db, county);
  if (paired.length === 0) return { problems: 0, events: 0, resolved: 0 };
  let id = await maxProblemId(db);
  const problems: ProblemRow[] = [];
  const events: EventRow[] = [];
  for (const outcome of ['resolved', 'open', 'overdue'] as const) {
    for (let i = 0; i < Math.round(PROBLEMS_PER_SCALE[outcome] * scale); i++) {
      const [row, trail] = planProblem(rng, ++id, rng.pick(paired), outcome, user);
      problems.push(row);
      events.push(...trail);
    }
  }
  await db.transaction().execute(async (tx) => {
    await skipForeignKeyTriggers(tx);
    await insertProblems(tx, county, problems);
    await insertProblemEvents(tx, county, events);
    await setProblemSequence(tx, id);
  });
  const resolved = problems.filter((p) => p.resolvedAt !== null).length;
  return { problems: problems.length, events: events.length, resolved };
}
