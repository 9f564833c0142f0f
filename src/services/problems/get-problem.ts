/** One problem with its trail and the actions the caller may take. */
import type { Kysely } from 'kysely';
import { findProblem, problemEvents } from '../../db/repositories/problems.ts';
import type { Database } from '../../db/schema.ts';
import { businessNow } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { allowedActions } from '../../domain/escalation.ts';
import type { Actor } from '../access/actor.ts';
import { problemActor } from './problem-actor.ts';
import { problemState } from './problem-state.ts';
import { PROBLEM, type ProblemDetailView, toProblemDetail } from './problem-view.ts';

/** Problem `id` of `county` as `actor` sees it (404 when unknown). */
export async function getProblem(
  db: Kysely<Database>,
  county: string,
  id: number,
  actor: Actor,
  now: Date = businessNow(),
): Promise<ProblemDetailView> {
  const [row, events] = await Promise.all([findProblem(db, county, id), problemEvents(db, county, id)]);
  if (!row) throw AppError.notFound(PROBLEM);
  const facing = await problemActor(db, county, actor, Number(row.household_id), row.raised_by_user_id);
  const state = await problemState(db, county, row, now);
  return toProblemDetail(row, events, allowedActions(facing, state));
}
