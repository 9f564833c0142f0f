/**
 * A year of help records (帮扶纪实) for the demo county, once pairings exist: every current helper visits their
 * households through the demo year from the day the pairing started — more in spring and autumn, few over the
 * Spring Festival — ~85 % verified, some returned, some still submitted, ~30 % solving one of the household's
 * needs; about two in three confirmed by the household (some through the village), a few disputed, the rest not
 * yet confirmed; verified at office hours, to the second. Generated in memory from the seeded stream and written with unnest arrays, 20,000 rows a statement.
 */
import type { Kysely } from 'kysely';
import {
  currentPairingSpans,
  type HelpRecordColumns,
  insertHelpRecords,
  skipForeignKeyTriggers,
} from '../db/repositories/demo-history.ts';
import type { Database } from '../db/schema.ts';
import { filesDirFromEnv } from '../services/storage/storage.ts';
import { DEMO_TODAY, DEMO_YEAR, fromDayNumber, toDayNumber } from './dates.ts';
import { helpText } from './help-texts.ts';
import { plantFabrications } from './planted-fabrications.ts';
import type { Rng } from './random.ts';

/** Help records per unit of scale over the demo year. */
export const HELP_RECORDS_PER_SCALE = 200_000;
const CHUNK = 20_000;

/** Relative visits by month (January–December): the Spring Festival falls in late January 2020. */
const MONTH_WEIGHTS = [6, 4, 11, 12, 10, 8, 7, 7, 10, 12, 10, 8];
const MONTHS = MONTH_WEIGHTS.map((w, i) => [i, w] as const);
const FESTIVAL = { from: `${DEMO_YEAR}-01-22`, to: `${DEMO_YEAR}-02-02` };

/** The measures a record names (dictionary codes); each measure's notes come from help-texts.ts. */
const MEASURES = [
  'industry',
  'employment',
  'welfare_job',
  'education',
  'health',
  'finance',
  'living_conditions',
  'safety_net',
  'other',
];
const RETURNS = ['照片与内容不符，请补充', '请写明帮扶的具体事项'] as const;

/** A current pairing with the window its records may fall in and the household's needs. */
interface PairingSpan {
  pairingId: number;
  memberId: number;
  householdId: number;
  from: number;
  needs: number[];
}

async function loadSpans(db: Kysely<Database>, county: string, first: number, last: number): Promise<PairingSpan[]> {
  const rows = await currentPairingSpans(db, county);
  return rows
    .map((r) => ({
      pairingId: r.id,
      memberId: r.member_id,
      householdId: r.household_id,
      from: Math.max(first, toDayNumber(r.started_on)),
      needs: r.needs,
    }))
    .filter((s) => s.from <= last);
}

/** A visit day in [from, last]: a weighted month, then a day, avoiding the festival; uniform when the window is short. */
function visitDay(rng: Rng, from: number, last: number, festival: [number, number]): number {
  for (let tries = 0; tries < 4; tries++) {
    const month = rng.weighted(MONTHS);
    const start = Date.UTC(DEMO_YEAR, month, 1) / 86_400_000;
    const day = rng.int(start, Date.UTC(DEMO_YEAR, month + 1, 1) / 86_400_000 - 1);
    if (day < from || day > last) continue;
    if (day >= festival[0] && day <= festival[1] && !rng.chance(0.2)) continue;
    return day;
  }
  return rng.int(from, last);
}

function uuid(rng: Rng): string {
  const hex = (n: number) =>
    Math.floor(rng.next() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(8)}${hex(4)}`;
}

/** The household's word on an honest record: most confirm by the code, some through the village, a few dispute. */
function confirmation(rng: Rng): [string, string | null] {
  return rng.weighted([
    [['confirmed', 'household'], 58],
    [['confirmed', 'village'], 9],
    [['disputed', 'household'], 0.4],
    [['unconfirmed', null], 32.6],
  ] as const) as [string, string | null];
}

/** A verification time on `day` (YYYY-MM-DD) between 08:30 and 17:30 China time, to the second. */
function checkedAt(rng: Rng, day: string): string {
  const seconds = 8.5 * 3600 + rng.int(0, 9 * 3600);
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}:${ss}+08:00`;
}

function push(c: HelpRecordColumns, rng: Rng, s: PairingSpan, day: number, last: number): void {
  const status = rng.weighted([
    ['verified', 85],
    ['returned', 6],
    ['submitted', 9],
  ] as const);
  const solved = s.needs.length > 0 && rng.chance(0.3);
  const measure = rng.pick(MEASURES);
  c.client.push(uuid(rng));
  c.household.push(s.householdId);
  c.member.push(s.memberId);
  c.pairing.push(s.pairingId);
  c.visited.push(fromDayNumber(day));
  c.measure.push(measure);
  c.need.push(solved ? rng.pick(s.needs) : null);
  c.solved.push(solved);
  c.content.push(helpText(rng, measure, fromDayNumber(day)));
  c.status.push(status);
  const checked = fromDayNumber(Math.min(last, day + rng.int(1, 7)));
  c.verifiedAt.push(status === 'submitted' ? null : checkedAt(rng, checked));
  c.comment.push(status === 'returned' ? rng.pick(RETURNS) : null);
  c.createdAt.push(null);
  const [state, via] = confirmation(rng);
  c.confirmation.push(state);
  c.confirmedVia.push(via);
}

/**
 * The last day a pairing's helper visits: the demo's today, except for one pairing in 25 whose visits lapsed
 * 61–120 days earlier (the helper fell ill or went away to work), so the early warning's "no verified help for 60
 * days" flags a realistic few on the demo's today instead of none. Chosen by id, so the stream is not consumed.
 */
function lastVisit(s: PairingSpan, last: number): number {
  return s.pairingId % 25 === 7 ? Math.max(s.from, last - 61 - (s.pairingId % 60)) : last;
}

/** Spreads `target` records over the spans in proportion to each window's length. */
function generate(rng: Rng, spans: PairingSpan[], target: number, last: number): HelpRecordColumns {
  const c: HelpRecordColumns = {
    client: [],
    household: [],
    member: [],
    pairing: [],
    visited: [],
    measure: [],
    need: [],
    solved: [],
    content: [],
    status: [],
    verifiedAt: [],
    comment: [],
    createdAt: [],
    confirmation: [],
    confirmedVia: [],
  };
  const festival: [number, number] = [toDayNumber(FESTIVAL.from), toDayNumber(FESTIVAL.to)];
  const days = spans.reduce((n, s) => n + (last - s.from + 1), 0);
  const perDay = days === 0 ? 0 : target / days;
  for (const s of spans) {
    const expected = (last - s.from + 1) * perDay;
    const n = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
    const until = lastVisit(s, last);
    for (let i = 0; i < n; i++) push(c, rng, s, visitDay(rng, s.from, until, festival), until);
  }
  return c;
}

/**
 * Writes the demo year's help records of current pairings (about `HELP_RECORDS_PER_SCALE × scale`), verified by
 * `verifier` (a user id), and the planted fabrications (planted-fabrications.ts), in one transaction. Returns how
 * many were written.
 */
export async function seedDemoHelpRecords(
  db: Kysely<Database>,
  county: string,
  rng: Rng,
  scale: number,
  verifier: number,
): Promise<number> {
  const first = toDayNumber(`${DEMO_YEAR}-01-01`);
  const last = toDayNumber(DEMO_TODAY);
  const spans = await loadSpans(db, county, first, last);
  const columns = generate(rng, spans, Math.round(HELP_RECORDS_PER_SCALE * scale), last);
  let planted = 0;
  await db.transaction().execute(async (tx) => {
    await skipForeignKeyTriggers(tx);
    for (let at = 0; at < columns.client.length; at += CHUNK)
      await insertHelpRecords(tx, county, verifier, columns, at, at + CHUNK);
    // A seed under the test runner writes no files (it would leave them in the working tree): rows only.
    const files = process.env.VITEST ? null : filesDirFromEnv();
    planted = await plantFabrications(tx, county, rng.fork('planted'), spans, verifier, files);
  });
  return columns.client.length + planted;
}
