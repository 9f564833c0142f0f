/**
 * Changing an activity: edit its fields (planned or held), hold it (a held date, the topic and minutes), or
 * cancel it with a reason. Each locks the activity, checks its status allows the step (409) and the dates
 * (422), writes and audits the fields that changed.
 */
import type { Kysely } from 'kysely';
import { type ActivityRow, updateActivity } from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import {
  type ActivityAction,
  canDoActivity,
  heldDateProblems,
  plannedDateProblems,
  wrongActivityState,
} from '../../domain/party-life/activities.ts';
import type { ActivityDetail, ActivityEdit, ActivityHold } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import { checkWriter } from './activity-access.ts';
import { activityDetail, datesOf, reachActivity } from './activity-view.ts';
import { TOPIC_REQUIRED } from './create-activity.ts';

type Change = Parameters<typeof updateActivity>[3];

/** field → [before, after] of the fields `change` sets to something new. */
function diffOf(row: ActivityRow, change: Change): Record<string, [unknown, unknown]> {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(change)) {
    const before = row[key as keyof ActivityRow];
    if (value !== undefined && before !== value) diff[key] = [before, value];
  }
  return diff;
}

/** Runs one change of activity `id`: lock, reach, writer, status, the step's own checks, write, audit. */
async function change(
  db: Kysely<Database>,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
  action: ActivityAction,
  auditAction: string,
  decide: (row: ActivityRow, dates: ReturnType<typeof datesOf>) => Change,
): Promise<ActivityDetail> {
  await write(db, county, async (ctx) => {
    const { activity, group } = await reachActivity(ctx.tx, county, id, within, true);
    checkWriter(actor, county, group);
    if (!canDoActivity(action, activity.status)) {
      throw new AppError('conflict', wrongActivityState(action, activity.status));
    }
    const next = decide(activity, datesOf(group));
    const diff = diffOf(activity, next);
    if (Object.keys(diff).length === 0) return;
    await updateActivity(ctx.tx, county, id, next);
    ctx.changed('activities');
    ctx.audit({ action: auditAction, table: 'party_activity', recordId: id, orgCode: group.villageCode, diff });
  });
  return activityDetail(db, county, id, within, actor);
}

export function editActivity(
  db: Kysely<Database>,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
  input: ActivityEdit,
): Promise<ActivityDetail> {
  return change(db, county, id, within, actor, 'edit', 'party_activity.edit', (row, dates) => {
    const problems: FieldProblem[] = [];
    if (input.plannedOn !== undefined) problems.push(...plannedDateProblems('plannedOn', input.plannedOn, dates));
    if (input.heldOn !== undefined) {
      if (row.status !== 'held') {
        problems.push({
          path: 'heldOn',
          code: 'not_held',
          message: { zh: '请用“登记开展”填写开展日期', en: 'Record the held date by holding the activity' },
        });
      } else problems.push(...heldDateProblems('heldOn', input.heldOn, dates));
    }
    if (row.status === 'held' && input.topic !== undefined && !input.topic.trim()) problems.push(TOPIC_REQUIRED);
    if (problems.length > 0) throw AppError.rules(problems);
    return {
      kind: input.kind,
      plannedOn: input.plannedOn,
      heldOn: input.heldOn,
      place: input.place?.trim(),
      topic: input.topic?.trim(),
      content: input.content?.trim(),
    };
  });
}

export function holdActivity(
  db: Kysely<Database>,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
  input: ActivityHold,
): Promise<ActivityDetail> {
  return change(db, county, id, within, actor, 'hold', 'party_activity.hold', (row, dates) => {
    const problems = heldDateProblems('heldOn', input.heldOn, dates);
    if (!input.topic.trim()) problems.push(TOPIC_REQUIRED);
    if (problems.length > 0) throw AppError.rules(problems);
    return {
      status: 'held',
      heldOn: input.heldOn,
      topic: input.topic.trim(),
      place: input.place?.trim() || row.place,
      content: input.content?.trim(),
    };
  });
}

export function cancelActivity(
  db: Kysely<Database>,
  county: string,
  id: number,
  within: string | undefined,
  actor: Actor,
  input: { reason: string },
): Promise<ActivityDetail> {
  return change(db, county, id, within, actor, 'cancel', 'party_activity.cancel', () => {
    const reason = input.reason.trim();
    if (!reason) {
      throw AppError.rules([
        { path: 'reason', code: 'required', message: { zh: '取消须说明原因', en: 'Say why it is cancelled' } },
      ]);
    }
    return { status: 'cancelled', cancelReason: reason };
  });
}
