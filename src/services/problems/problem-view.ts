/** How a problem is shown: list item, detail with trail and the caller's allowed actions. */

import type { Selectable } from 'kysely';
import type { ProblemRow } from '../../db/repositories/problems.ts';
import type { ProblemEventTable } from '../../db/schema-problems.ts';
import { businessNow, businessTimeOf } from '../../domain/clock.ts';
import { hoursLate, isOverdue } from '../../domain/deadlines.ts';
import type { Localized } from '../../domain/errors.ts';
import type { ProblemAction } from '../../domain/escalation.ts';

export const PROBLEM: Localized = { zh: '问题', en: 'problem' };

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** A problem as lists show it, with its lateness at `now`. */
export function toProblemItem(row: ProblemRow, now: Date = businessNow()) {
  const due = new Date(row.due_at);
  const overdue = isOverdue(row.status, due, now);
  return {
    id: Number(row.id),
    householdId: Number(row.household_id),
    headName: row.head_name,
    naturalVillageCode: row.natural_village_code,
    category: row.category,
    description: row.description,
    urgency: row.urgency,
    level: row.level,
    status: row.status,
    holderCode: row.holder_code,
    holderName: row.holder_name ?? null,
    department: row.department,
    levelEnteredAt: iso(row.level_entered_at) as string,
    dueAt: due.toISOString(),
    overdue,
    hoursLate: overdue ? hoursLate(due, now) : 0,
    reopenedCount: Number(row.reopened_count),
    // created_at is bookkeeping (real time): shown in business time, like the rest of the problem.
    createdAt: businessTimeOf(new Date(row.created_at)).toISOString(),
  };
}

/** One step of the trail. */
export function toEvent(e: Selectable<ProblemEventTable>) {
  return {
    id: Number(e.id),
    action: e.action,
    actor: e.actor,
    fromLevel: e.from_level,
    toLevel: e.to_level,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    comment: e.comment,
    automatic: e.automatic,
    at: iso(e.at) as string,
  };
}

/** The detail: the problem, its resolution fields, its trail and what the caller may do. */
export function toProblemDetail(
  row: ProblemRow,
  events: Selectable<ProblemEventTable>[],
  allowedActions: ProblemAction[],
) {
  return {
    ...toProblemItem(row),
    raisedByMemberId: row.raised_by_member_id === null ? null : Number(row.raised_by_member_id),
    resolution: row.resolution,
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    events: events.map(toEvent),
    allowedActions,
  };
}

export type ProblemDetailView = ReturnType<typeof toProblemDetail>;
