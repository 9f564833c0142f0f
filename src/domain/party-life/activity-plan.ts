/**
 * A grid Party group's organisational life (组织生活制度) as pure rules: a county says, as data, which kinds of
 * activity each group must hold and how often; a group's yearly plan is one slot per required period; held
 * activities fill the slots in date order, which says for each slot whether it was held in time, late or missed.
 */

import type { ActivityKind, Frequency } from '../../shared/labels/party-activity.ts';
import { daysInMonth, formatIsoDate } from '../dates.ts';

export { ACTIVITY_KINDS, type ActivityKind, FREQUENCIES, type Frequency } from '../../shared/labels/party-activity.ts';

/** How many months one period of each frequency spans (periods start in January). */
const MONTHS_PER_PERIOD: Record<Frequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** What a county requires of every group: hold `kind` once per period of `frequency`. */
export interface ActivityRule {
  kind: ActivityKind;
  frequency: Frequency;
  countsForPoints: boolean;
}

/**
 * The usual practice ("三会一课" at group level, a monthly theme day): a county changes these rows, not code.
 * Volunteer service is planned twice a year and, like the rest, earns attendance points.
 */
export const DEFAULT_ACTIVITY_RULES: readonly ActivityRule[] = [
  { kind: 'group_meeting', frequency: 'monthly', countsForPoints: true },
  { kind: 'theme_day', frequency: 'monthly', countsForPoints: true },
  { kind: 'party_lecture', frequency: 'quarterly', countsForPoints: true },
  { kind: 'study', frequency: 'quarterly', countsForPoints: true },
  { kind: 'volunteer', frequency: 'half_yearly', countsForPoints: true },
];

/** One required activity of a year: `kind` held between `from` and `to` (both inclusive). */
export interface PlanSlot {
  kind: ActivityKind;
  period: number;
  from: string;
  to: string;
}

/** The slots a group must fill in `year` under `rules`, by kind then period. */
export function yearPlan(rules: readonly ActivityRule[], year: number): PlanSlot[] {
  return rules.flatMap((rule) => {
    const months = MONTHS_PER_PERIOD[rule.frequency];
    return Array.from({ length: 12 / months }, (_, i) => {
      const firstMonth = i * months + 1;
      const lastMonth = firstMonth + months - 1;
      return {
        kind: rule.kind,
        period: i + 1,
        from: formatIsoDate({ year, month: firstMonth, day: 1 }),
        to: formatIsoDate({ year, month: lastMonth, day: daysInMonth(year, lastMonth) }),
      };
    });
  });
}

export type SlotState = 'held' | 'late' | 'missed' | 'due';

/** A held activity as the plan sees it: planned for a day (null when the leader added it), held on another. */
export interface HeldActivity {
  id: number;
  kind: ActivityKind;
  plannedOn: string | null;
  heldOn: string;
}

export interface SlotOutcome extends PlanSlot {
  state: SlotState;
  activityId: number | null;
}

/**
 * Matches held activities to slots, oldest first. An activity fills the slot of the period it was planned for
 * (or held in, when unplanned) — in time when held by the slot's end, late otherwise; when that slot is already
 * filled it makes up the earliest earlier open slot of its kind (late). Anything else fills nothing, so a second
 * meeting in one month never hides a missed month, and one missed month does not make every later month late.
 * An empty slot is missed once its end has passed `today`, else still due.
 */
export function slotOutcomes(plan: readonly PlanSlot[], held: readonly HeldActivity[], today: string): SlotOutcome[] {
  const outcomes: SlotOutcome[] = plan.map((slot) => ({ ...slot, state: 'due', activityId: null }));
  // The slots of each kind, in plan order: an activity looks only at its own kind's (a county's totals run this
  // for every group).
  const byKind = new Map<ActivityKind, SlotOutcome[]>();
  for (const o of outcomes) {
    const list = byKind.get(o.kind);
    if (list) list.push(o);
    else byKind.set(o.kind, [o]);
  }
  const ordered = [...held].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id));
  for (const activity of ordered) {
    const day = activity.plannedOn ?? activity.heldOn;
    const slots = byKind.get(activity.kind) ?? [];
    const slot =
      slots.find((o) => o.activityId === null && o.from <= day && day <= o.to) ??
      slots.find((o) => o.activityId === null && o.to < activity.heldOn);
    if (!slot) continue;
    slot.activityId = activity.id;
    slot.state = activity.heldOn <= slot.to ? 'held' : 'late';
  }
  for (const o of outcomes) if (o.activityId === null && o.to < today) o.state = 'missed';
  return outcomes;
}

/** Counts of a group's (or a scope's) slot outcomes: what a compliance view shows per row. */
export type Compliance = Record<SlotState, number> & { required: number };

export function complianceOf(outcomes: readonly SlotOutcome[]): Compliance {
  const counts: Compliance = { required: outcomes.length, held: 0, late: 0, missed: 0, due: 0 };
  for (const o of outcomes) counts[o.state] += 1;
  return counts;
}
