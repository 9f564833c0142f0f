/**
 * Rules for a county's own problem deadlines (办理时限): hours per (category, urgency, level), stored in
 * `problem_deadline` as whole hours. A county edits some cells and resets others to the code default
 * (domain/deadlines.ts); the rules hold on the table as it would be after the change:
 * - whole hours from 1 to 2,160 (90 days): a deadline longer than a quarter is no deadline to supervise;
 * - a higher level never has less time than the level below (村报告、乡处理、县办结: what reaches the county is
 *   the hardest case), so grid ≤ village ≤ township ≤ county within a category and urgency;
 * - an urgent problem never has more time than a normal one of the same category at the same level.
 * Only breaks that involve a changed cell are reported (each under that cell), so an old inconsistency written
 * before these rules never blocks an unrelated edit.
 */
import { PROBLEM_LEVEL_LABELS, URGENCIES, URGENCY_LABELS } from '../shared/labels/problem.ts';
import { inSentence } from '../shared/lang.ts';
import { type DeadlineOverride, deadlineHours } from './deadlines.ts';
import type { FieldProblem, Localized } from './errors.ts';
import { LEVELS, type ProblemLevel, type Urgency } from './escalation.ts';

export { URGENCIES };
export const DEADLINE_BOUNDS = { minHours: 1, maxHours: 2160 } as const;

/** One requested change: new hours, or null to go back to the default. */
export interface DeadlineChange {
  category: string;
  urgency: Urgency;
  level: ProblemLevel;
  hours: number | null;
}

/** Levels and urgencies as words in the deadline messages ("the village deadline"). */
export const LEVEL_NAMES = Object.fromEntries(
  LEVELS.map((level) => [level, inSentence(PROBLEM_LEVEL_LABELS[level])]),
) as Record<ProblemLevel, Localized>;
export const URGENCY_NAMES = Object.fromEntries(
  URGENCIES.map((urgency) => [urgency, inSentence(URGENCY_LABELS[urgency])]),
) as Record<Urgency, Localized>;

export const cellKey = (c: { category: string; urgency: Urgency; level: ProblemLevel }) =>
  `${c.category}.${c.urgency}.${c.level}`;

/** The code default of a cell (before any county row). */
export function defaultHours(category: string, urgency: Urgency, level: ProblemLevel): number {
  return deadlineHours([], category, urgency, level);
}

/** The county's rows after the valid changes: set cells upserted, reset cells removed. */
export function applyDeadlineChanges(overrides: readonly DeadlineOverride[], changes: readonly DeadlineChange[]) {
  const rows = new Map(overrides.map((o) => [cellKey(o), o]));
  for (const c of changes) {
    if (c.hours === null) rows.delete(cellKey(c));
    else rows.set(cellKey(c), { category: c.category, urgency: c.urgency, level: c.level, hours: c.hours });
  }
  return [...rows.values()];
}

function cellProblems(changes: readonly DeadlineChange[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  const { minHours, maxHours } = DEADLINE_BOUNDS;
  changes.forEach((c, i) => {
    if (seen.has(cellKey(c))) {
      const message = { zh: '同一格重复出现', en: 'The same cell appears twice' };
      out.push({ path: `cells.${i}`, code: 'duplicate_cell', message });
    }
    seen.add(cellKey(c));
    if (c.hours !== null && !(Number.isInteger(c.hours) && c.hours >= minHours && c.hours <= maxHours)) {
      out.push({
        path: `cells.${i}.hours`,
        code: 'out_of_range',
        message: {
          zh: `时限须为 ${minHours}–${maxHours} 之间的整数小时（最长 90 天）`,
          en: `A deadline must be whole hours from ${minHours} to ${maxHours} (90 days at most)`,
        },
      });
    }
  });
  return out;
}

type Cell = { category: string; urgency: Urgency; level: ProblemLevel };

/** The ordering breaks between two cells `low` ≤ `high`, reported on whichever of them changed. */
function orderProblems(
  changed: Map<string, number>,
  hours: (c: Cell) => number,
  low: Cell,
  high: Cell,
  what: 'level' | 'urgency',
) {
  const [l, h] = [hours(low), hours(high)];
  if (h >= l) return [];
  const message: Localized =
    what === 'level'
      ? {
          zh: `${LEVEL_NAMES[high.level].zh}时限 ${h} 小时短于${LEVEL_NAMES[low.level].zh} ${l} 小时：上级的时限不得短于下级`,
          en: `The ${LEVEL_NAMES[high.level].en} deadline (${h} h) is shorter than the ${LEVEL_NAMES[low.level].en} one (${l} h): a higher level may not have less time`,
        }
      : {
          zh: `紧急问题时限 ${l} 小时长于一般问题 ${h} 小时：紧急的时限不得更长`,
          en: `The urgent deadline (${l} h) is longer than the normal one (${h} h): urgent may not have more time`,
        };
  const out: FieldProblem[] = [];
  for (const cell of [low, high]) {
    const index = changed.get(cellKey(cell));
    if (index !== undefined) out.push({ path: `cells.${index}.hours`, code: `${what}_order`, message });
  }
  return out;
}

/**
 * Every broken rule of a change to the county's deadlines (`overrides` = its rows now, `categories` = the problem
 * categories), each under the changed cell (`cells.<i>` or `cells.<i>.hours`).
 */
export function checkDeadlineChanges(
  categories: readonly string[],
  overrides: readonly DeadlineOverride[],
  changes: readonly DeadlineChange[],
): FieldProblem[] {
  const problems = cellProblems(changes);
  const bad = new Set(problems.map((p) => Number(p.path.split('.')[1])));
  const valid = changes.filter((_, i) => !bad.has(i));
  const after = applyDeadlineChanges(overrides, valid);
  const changed = new Map<string, number>();
  changes.forEach((c, i) => {
    if (!bad.has(i)) changed.set(cellKey(c), i);
  });
  const hours = (c: Cell) => deadlineHours(after, c.category, c.urgency, c.level);
  for (const category of categories) {
    for (const urgency of URGENCIES) {
      for (let i = 1; i < LEVELS.length; i++) {
        const [low, high] = [LEVELS[i - 1] as ProblemLevel, LEVELS[i] as ProblemLevel];
        problems.push(
          ...orderProblems(
            changed,
            hours,
            { category, urgency, level: low },
            { category, urgency, level: high },
            'level',
          ),
        );
      }
    }
    for (const level of LEVELS) {
      const urgent = { category, urgency: 'urgent' as const, level };
      const normal = { category, urgency: 'normal' as const, level };
      problems.push(...orderProblems(changed, hours, urgent, normal, 'urgency'));
    }
  }
  return problems;
}
