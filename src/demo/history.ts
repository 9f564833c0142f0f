/**
 * A household's life in the registry up to the demo's "today" (2020-12-31): identified in 2014–2016
 * (建档立卡), most exited between 2016 and 2020 after the year-end assessment, a few returned to poverty,
 * and in 2020 some exited households came under monitoring (防止返贫监测), some of which were closed as
 * "risk cleared". Events are only ever appended; the last poverty event is the household's status, and the
 * 2020 monitoring events become monitoring cases after the bulk insert (db/repositories/demo-monitoring.ts), the
 * same way the 2026-12-12 migration turned such events into cases.
 */
import type { HouseholdStatus, StatusEventStatus } from '../db/schema.ts';
import { DEMO_YEAR, dateInYear } from './dates.ts';
import type { Rng, Weighted } from './random.ts';

/** One row of household_status_event. */
export interface StatusEvent {
  status: StatusEventStatus;
  effective_on: string;
  reason: string;
}

/** How the household stands in one year, which drives its income that year. */
export type YearStanding = 'poor' | 'out' | 'marginal' | 'comfortable';

/** The household's history and what it implies for each year. */
export interface History {
  /** The last event's status (monitoring included): what drives incomes, needs and conditions. */
  status: StatusEventStatus;
  /** The household's poverty status (its last poverty event). */
  povertyStatus: HouseholdStatus;
  identifiedYear: number;
  identifiedOn: string;
  /** Year of the (last) exit, null when never out of poverty. */
  exitYear: number | null;
  exitedOn: string | null;
  plannedExitYear: number;
  events: StatusEvent[];
  standing: (year: number) => YearStanding;
}

const IDENTIFIED_YEARS: Weighted<number> = [
  [2014, 65],
  [2015, 15],
  [2016, 20],
];
const FINAL: Weighted<StatusEventStatus> = [
  ['exited', 84],
  ['identified', 5],
  ['returned', 3],
  ['monitored', 5],
  ['risk_cleared', 3],
];
// Exits peaked mid-campaign; 2016 is the first exit year of the demo.
const EXIT_WEIGHT: Record<number, number> = { 2016: 20, 2017: 30, 2018: 25, 2019: 17, 2020: 8 };

const REASONS: Record<StatusEventStatus, readonly string[]> = {
  identified: ['精准识别，纳入建档立卡', '农户申请，经民主评议、公示后纳入'],
  exited: ['人均纯收入稳定超过贫困线，“两不愁三保障”实现，经评议公示退出'],
  returned: ['因病支出骤增，经核实返贫', '因灾致收入下降，经核实返贫', '家庭成员丧失劳动能力，经核实返贫'],
  monitored: ['收入不稳定，纳入防止返贫监测', '因病刚性支出较大，纳入防止返贫监测'],
  risk_cleared: ['帮扶措施落实，收入稳定，风险已消除'],
};

function event(rng: Rng, status: StatusEventStatus, effective_on: string): StatusEvent {
  return { status, effective_on, reason: rng.pick(REASONS[status]) };
}

/** Exit year in [from, to] (to ≤ 2020), weighted toward the campaign's peak years. */
function exitYear(rng: Rng, from: number, to: number): number {
  const years: [number, number][] = [];
  for (let y = Math.max(from, 2016); y <= to; y++) years.push([y, EXIT_WEIGHT[y] ?? 1]);
  return rng.weighted(years);
}

/** Draws a household's status history. */
export function drawHistory(rng: Rng): History {
  const identifiedYear = rng.weighted(IDENTIFIED_YEARS);
  const identifiedOn = dateInYear(rng, identifiedYear, 4, 10);
  const status = rng.weighted(FINAL);
  const events = [event(rng, 'identified', identifiedOn)];
  if (status === 'identified') {
    return {
      status,
      povertyStatus: 'identified',
      identifiedYear,
      identifiedOn,
      exitYear: null,
      exitedOn: null,
      plannedExitYear: DEMO_YEAR,
      events,
      standing: () => 'poor',
    };
  }
  // Households that went on to return or be monitored exited by 2019, leaving 2020 for what came next.
  const exit = exitYear(rng, identifiedYear, status === 'exited' ? DEMO_YEAR : DEMO_YEAR - 1);
  const exitedOn = dateInYear(rng, exit, 11, 12);
  events.push(event(rng, 'exited', exitedOn));
  let returnYear = Number.POSITIVE_INFINITY;
  if (status === 'returned') {
    returnYear = rng.int(exit + 1, DEMO_YEAR);
    events.push(event(rng, 'returned', dateInYear(rng, returnYear, 3, 10)));
  } else if (status === 'monitored') {
    events.push(event(rng, 'monitored', dateInYear(rng, DEMO_YEAR, 3, 9)));
  } else if (status === 'risk_cleared') {
    events.push(event(rng, 'monitored', dateInYear(rng, DEMO_YEAR, 3, 6)));
    events.push(event(rng, 'risk_cleared', dateInYear(rng, DEMO_YEAR, 10, 12)));
  }
  const standing = (year: number): YearStanding => {
    if (year < exit || year >= returnYear) return 'poor';
    if (year === DEMO_YEAR && status === 'monitored') return 'marginal';
    if (year === DEMO_YEAR && status === 'risk_cleared') return 'comfortable';
    return 'out';
  };
  const plannedExitYear = status === 'returned' ? DEMO_YEAR + 1 : exit;
  const povertyStatus = status === 'returned' ? 'returned' : 'exited';
  return {
    status,
    povertyStatus,
    identifiedYear,
    identifiedOn,
    exitYear: exit,
    exitedOn,
    plannedExitYear,
    events,
    standing,
  };
}
