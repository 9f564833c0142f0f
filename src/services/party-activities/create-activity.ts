/**
 * A group plans an activity (a planned date) or records one already held (a held date, with its topic): the
 * place defaults to the group's activity centre. Written by whoever runs the group's activities (activity-access.ts),
 * checked (422 with bilingual messages), audited.
 */
import type { Kysely } from 'kysely';
import { insertActivity } from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import { heldDateProblems, plannedDateProblems } from '../../domain/party-life/activities.ts';
import type { ActivityCreate, ActivityDetail } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import { checkWriter, reachGroup } from './activity-access.ts';
import { activityDetail, datesOf } from './activity-view.ts';

export const TOPIC_REQUIRED: FieldProblem = {
  path: 'topic',
  code: 'required',
  message: { zh: '已开展的活动须填写主题', en: 'A held activity needs its topic' },
};

export async function createActivity(
  db: Kysely<Database>,
  county: string,
  within: string | undefined,
  actor: Actor,
  input: ActivityCreate,
): Promise<ActivityDetail> {
  const group = await reachGroup(db, county, input.groupId, within);
  checkWriter(actor, county, group);
  if (group.retired) {
    throw AppError.rules([
      { path: 'groupId', code: 'retired', message: { zh: '该党小组已撤销', en: 'The Party group is retired' } },
    ]);
  }
  const dates = datesOf(group);
  const problems: FieldProblem[] = [];
  if (input.plannedOn === undefined && input.heldOn === undefined) {
    problems.push({
      path: 'plannedOn',
      code: 'required',
      message: { zh: '请填写计划日期或开展日期', en: 'Give the planned date or the held date' },
    });
  }
  if (input.plannedOn !== undefined) problems.push(...plannedDateProblems('plannedOn', input.plannedOn, dates));
  if (input.heldOn !== undefined) {
    problems.push(...heldDateProblems('heldOn', input.heldOn, dates));
    if (!(input.topic ?? '').trim()) problems.push(TOPIC_REQUIRED);
  }
  if (problems.length > 0) throw AppError.rules(problems);
  const values = {
    kind: input.kind,
    plannedOn: input.plannedOn ?? null,
    heldOn: input.heldOn ?? null,
    status: input.heldOn !== undefined ? ('held' as const) : ('planned' as const),
    place: (input.place ?? '').trim() || group.activityAddress,
    topic: (input.topic ?? '').trim(),
    content: (input.content ?? '').trim(),
  };
  const id = await write(db, county, async (ctx) => {
    const created = await insertActivity(ctx.tx, county, group.id, values, actor.userId);
    ctx.changed('activities');
    ctx.audit({
      action: 'party_activity.create',
      table: 'party_activity',
      recordId: created,
      orgCode: group.villageCode,
      diff: Object.fromEntries(Object.entries({ group_id: group.id, ...values }).map(([k, v]) => [k, [null, v]])),
    });
    return created;
  });
  return activityDetail(db, county, id, within, actor);
}
