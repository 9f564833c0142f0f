/** A member (for a household they help) or a grid/village/township/county handler raises a problem. */
import type { Kysely } from 'kysely';
import {
  deadlineOverrides,
  helpsHousehold,
  householdPlace,
  insertEvents,
  insertProblem,
} from '../../db/repositories/problems.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, holdersOf, memberIdsOf } from '../../domain/access/actor.ts';
import { inScope } from '../../domain/access/roles.ts';
import { businessNow } from '../../domain/clock.ts';
import { deadlineHours, dueAt } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import { holderCode, type Urgency } from '../../domain/escalation.ts';
import { currentContext } from '../audit/request-context.ts';
import { unknownCodes } from '../dictionary.ts';
import { write } from '../write.ts';
import { getProblem } from './get-problem.ts';
import { notify } from './notify.ts';
import type { ProblemDetailView } from './problem-view.ts';

export interface RaiseInput {
  householdId: number;
  category: string;
  description: string;
  urgency?: Urgency | undefined;
}

const HOUSEHOLD = { zh: '贫困户', en: 'household' };

/**
 * Who may raise for a household at `nv`: a non-member role holding problem.raise over it, or a member paired
 * with it now. Returns the raising member (null for a handler), or throws 404 (never 403: no leaks).
 */
async function raiser(db: Kysely<Database>, county: string, actor: Actor, nv: string, householdId: number) {
  const memberIds = memberIdsOf(actor, county);
  const covering = holdersOf(actor, 'problem.raise', county).filter((g) => inScope(nv, [g.orgCode]));
  const helping = await helpsHousehold(db, county, memberIds, householdId);
  if (helping) return memberIds[0] ?? null;
  if (covering.some((g) => g.role !== 'member')) return null;
  throw AppError.notFound(HOUSEHOLD);
}

/** Raises a problem at the household's grid with the grid's deadline; notifies the group leader. */
export async function raiseProblem(
  db: Kysely<Database>,
  county: string,
  actor: Actor,
  input: RaiseInput,
  now: Date = businessNow(),
): Promise<ProblemDetailView> {
  const household = await householdPlace(db, county, input.householdId);
  if (!household) throw AppError.notFound(HOUSEHOLD);
  const nv = household.natural_village_code;
  const memberId = await raiser(db, county, actor, nv, input.householdId);
  const problems = await unknownCodes(db, [{ kind: 'problem_category', code: input.category, path: 'category' }]);
  if (problems.length > 0) throw AppError.rules(problems);
  const urgency = input.urgency ?? 'normal';
  const hours = deadlineHours(await deadlineOverrides(db, county), input.category, urgency, 'grid');
  const id = await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const context = currentContext();
    const id = await insertProblem(tx, {
      county_code: county,
      household_id: input.householdId,
      natural_village_code: nv,
      raised_by_member_id: memberId,
      raised_by_user_id: actor.userId,
      category: input.category,
      description: input.description.trim(),
      urgency,
      level: 'grid',
      status: 'open',
      holder_code: holderCode('grid', nv),
      level_entered_at: now,
      due_at: dueAt(now, hours),
    });
    await insertEvents(tx, [
      {
        county_code: county,
        problem_id: id,
        action: 'raise',
        actor_id: context.actorId,
        actor: context.actor,
        from_level: null,
        to_level: 'grid',
        from_status: null,
        to_status: 'open',
        comment: '',
        at: now,
      },
    ]);
    ctx.audit({
      action: 'problem.raise',
      table: 'problem',
      recordId: id,
      orgCode: nv,
      diff: {
        category: [null, input.category],
        urgency: [null, urgency],
        level: [null, 'grid'],
        status: [null, 'open'],
      },
    });
    const target = {
      id,
      householdId: input.householdId,
      naturalVillageCode: nv,
      headName: household.head_name,
      level: 'grid' as const,
    };
    await notify(tx, county, 'problem_arrived', target);
    return id;
  });
  return getProblem(db, county, id, actor);
}
