/**
 * One step on a problem (accept, hand to a department, resolve, escalate, confirm, reopen, urge): the problem locked,
 * the domain decides (409 for the wrong level or role and for the wrong state, 422 for a missing field), the row and
 * its trail written, the step audited and the next holders notified, all in one transaction.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import {
  deadlineOverrides,
  findProblem,
  insertEvents,
  lockProblem,
  type ProblemRow,
  updateProblem,
} from '../../db/repositories/problems.ts';
import type { Database } from '../../db/schema.ts';
import type { ProblemTable } from '../../db/schema-problems.ts';
import { businessNow } from '../../domain/clock.ts';
import { deadlineHours, dueAt } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import {
  type ActionInput,
  apply,
  holderCode,
  isRefusal,
  type ProblemState,
  type Transition,
  urgingUnit,
} from '../../domain/escalation.ts';
import type { Actor } from '../access/actor.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import { getProblem } from './get-problem.ts';
import { notify } from './notify.ts';
import { problemActor } from './problem-actor.ts';
import { problemState } from './problem-state.ts';
import { PROBLEM, type ProblemDetailView } from './problem-view.ts';

/** The columns a transition writes. */
async function changes(
  tx: Kysely<Database>,
  county: string,
  row: ProblemRow,
  next: Transition,
  input: ActionInput,
  now: Date,
) {
  const actorId = currentContext().actorId;
  const set: Updateable<ProblemTable> = { level: next.level, status: next.status };
  if (next.enteredLevel) {
    const hours = deadlineHours(await deadlineOverrides(tx, county), row.category, row.urgency, next.level);
    Object.assign(set, {
      holder_code: holderCode(next.level, row.natural_village_code),
      level_entered_at: now,
      due_at: dueAt(now, hours),
      overdue_flagged_at: null,
    });
  }
  if (input.action === 'hand_to_department') set.department = input.department.trim();
  if (input.action === 'resolve')
    Object.assign(set, { resolution: input.resolution.trim(), resolved_at: now, resolved_by: actorId });
  if (input.action === 'confirm') Object.assign(set, { closed_at: now, closed_by: actorId });
  if (input.action === 'reopen') {
    Object.assign(set, { resolution: null, resolved_at: null, resolved_by: null, closed_at: null, closed_by: null });
    set.reopened_count = Number(row.reopened_count) + 1;
  }
  if (input.action === 'escalate') set.department = null;
  return set;
}

function comment(input: ActionInput): string {
  switch (input.action) {
    case 'resolve':
      return input.resolution.trim();
    case 'escalate':
    case 'reopen':
      return input.reason.trim();
    case 'hand_to_department':
      return `${input.department.trim()}${input.comment ? `：${input.comment.trim()}` : ''}`;
    default:
      return input.comment?.trim() ?? '';
  }
}

/** Who hears of a step: the new level's holders, or for a resolution the one who raised it. */
async function tell(tx: Transaction<Database>, county: string, row: ProblemRow, next: Transition, input: ActionInput) {
  const target = {
    id: Number(row.id),
    householdId: Number(row.household_id),
    naturalVillageCode: row.natural_village_code,
    headName: row.head_name,
    level: next.level,
  };
  if (input.action === 'escalate') await notify(tx, county, 'problem_arrived', target);
  if (input.action === 'reopen') await notify(tx, county, 'problem_reopened', target);
  if (input.action === 'resolve' && row.raised_by_user_id !== null)
    await notify(tx, county, 'problem_resolved', target, [row.raised_by_user_id]);
  if (input.action === 'urge') await notify(tx, county, 'problem_urged', target);
}

/** The audit diff of a step: the move, or for an urge the unit that urged (the problem itself does not change). */
function auditDiff(row: ProblemRow, next: Transition, unit: string | null): Record<string, [unknown, unknown]> {
  if (unit !== null) return { urged_by: [null, unit] };
  return { level: [row.level, next.level], status: [row.status, next.status] };
}

/** Applies `input` to problem `id` as `actor`; the problem after the step. */
export async function actOnProblem(
  db: Kysely<Database>,
  county: string,
  id: number,
  actor: Actor,
  input: ActionInput,
  now: Date = businessNow(),
): Promise<ProblemDetailView> {
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    if (!(await lockProblem(tx, county, id))) throw AppError.notFound(PROBLEM);
    const row = (await findProblem(tx, county, id)) as ProblemRow;
    const facing = await problemActor(tx, county, actor, Number(row.household_id), row.raised_by_user_id);
    const state: ProblemState = await problemState(tx, county, row, now);
    const next = apply(state, facing, input);
    if (isRefusal(next)) {
      // The caller sees the problem (the route checked its scope) but it is not theirs to act on at this level.
      if (next.kind === 'actor' || next.kind === 'state') throw new AppError('conflict', next.message);
      throw AppError.rules([{ path: next.field ?? 'action', code: `${next.field}_required`, message: next.message }]);
    }
    // An urge leaves the problem as it is: only its trail, the handler's inbox and the audit learn of it.
    const unit = input.action === 'urge' ? urgingUnit(facing, state) : null;
    if (unit === null) await updateProblem(tx, county, id, await changes(tx, county, row, next, input, now));
    const context = currentContext();
    await insertEvents(tx, [
      {
        county_code: county,
        problem_id: id,
        action: input.action,
        actor_id: context.actorId,
        actor: context.actor,
        from_level: row.level,
        to_level: next.level,
        from_status: row.status,
        to_status: next.status,
        comment: comment(input),
        urging_unit: unit,
        at: now,
      },
    ]);
    ctx.audit({
      action: `problem.${input.action}`,
      table: 'problem',
      recordId: id,
      orgCode: row.natural_village_code,
      diff: auditDiff(row, next, unit),
    });
    await tell(tx, county, row, next, input);
    ctx.changed('thingsDone');
  });
  return getProblem(db, county, id, actor);
}
