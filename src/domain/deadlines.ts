/**
 * Deadlines of a problem's level (local practice: make it data). Defaults live here; a county overrides any
 * (category, urgency, level) in `problem_deadline`. Overdue = past the level's deadline while still unsolved.
 */
import type { ProblemLevel, ProblemStatus, Urgency } from './escalation.ts';

/** Hours a level has, by urgency: a grid answers in days, the county in weeks. */
export const DEFAULT_HOURS: Record<Urgency, Record<ProblemLevel, number>> = {
  normal: { grid: 72, village: 120, township: 240, county: 480 },
  urgent: { grid: 24, village: 48, township: 72, county: 120 },
};

/** Categories where a household's basic safety is at stake get half the time (health, housing, water). */
const PRESSING = new Set(['medical', 'housing', 'water']);

/** One override row: hours for a (category, urgency, level) of a county. */
export interface DeadlineOverride {
  category: string;
  urgency: Urgency;
  level: ProblemLevel;
  hours: number;
}

/** Hours of a level for a category and urgency: the county's override, else the default. */
export function deadlineHours(
  overrides: readonly DeadlineOverride[],
  category: string,
  urgency: Urgency,
  level: ProblemLevel,
): number {
  const own = overrides.find((o) => o.category === category && o.urgency === urgency && o.level === level);
  if (own) return own.hours;
  const hours = DEFAULT_HOURS[urgency][level];
  return PRESSING.has(category) ? Math.max(12, Math.round(hours / 2)) : hours;
}

/** When a level entered at `enteredAt` is due. */
export function dueAt(enteredAt: Date, hours: number): Date {
  return new Date(enteredAt.getTime() + hours * 3600_000);
}

/** Whether a problem is late: past due and neither resolved nor closed. */
export function isOverdue(status: ProblemStatus, due: Date, now: Date): boolean {
  return status !== 'resolved' && status !== 'closed' && now.getTime() > due.getTime();
}

/** Hours late (0 when not late), rounded down. */
export function hoursLate(due: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - due.getTime()) / 3600_000));
}
