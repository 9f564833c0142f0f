/**
 * What every step of an exit shares, inside the write envelope (services/write.ts): the exit locked (404 when it
 * is not the county's), the order checked (409 naming the step expected), the write, its audit entry, and the
 * exit as the answer.
 */
import type { Transaction } from 'kysely';
import * as repo from '../../db/repositories/exits.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, type FieldProblem, type Localized } from '../../domain/errors.ts';
import { type ExitStep, stepOrderMessage } from '../../domain/exit-workflow.ts';
import { currentContext } from '../audit/request-context.ts';
import type { Lang } from '../households/household-state.ts';
import type { WriteContext } from '../write.ts';
import { EXIT, getExit } from './exit-view.ts';

/** A 409: the step is out of order, or the exit is closed. */
export function orderConflict(message: Localized): AppError {
  return new AppError('conflict', message, [{ path: '', code: 'exit_step_order', message }]);
}

/** Throws 422 with the problems, or returns when there are none. */
export function refuse(problems: FieldProblem[]): void {
  if (problems.length > 0) throw AppError.rules(problems);
}

/** The acting user's id, for the *_by columns (null outside a request). */
export const actorId = (): number | null => currentContext().actorId;

/** The latest day any step of the exit happened on (a withdrawal cannot precede it). */
export function latestStepDate(exit: repo.ExitRow): string {
  const days = [exit.assessed_on, exit.verified_on, exit.signed_on, exit.notice_from].filter(
    (d): d is string => d !== null,
  );
  // ISO dates sort as text: the last one is the latest.
  return days.sort().at(-1) as string;
}

/** How a step checks the exit's status before writing. */
export type StepGate = ExitStep | ((exit: repo.ExitRow) => Localized | null);

/** What a step's write hands back: the audited diff. */
export type StepWrite = (
  tx: Transaction<Database>,
  exit: repo.ExitRow,
  ctx: WriteContext,
) => Promise<Record<string, [unknown, unknown]>>;

/**
 * Runs step `action` on exit `exitId` of the envelope's county: lock, gate, write, audit; answers the exit in
 * `lang`. Call it as the step of `write`.
 */
export async function exitStep(
  ctx: WriteContext,
  exitId: number,
  gate: StepGate,
  action: string,
  step: StepWrite,
  lang: Lang,
) {
  const { tx, county } = ctx;
  const exit = await repo.lockExit(tx, county, exitId);
  if (!exit) throw AppError.notFound(EXIT);
  const blocked = typeof gate === 'function' ? gate(exit) : stepOrderMessage(exit.status, gate);
  if (blocked) throw orderConflict(blocked);
  const diff = await step(tx, exit, ctx);
  const orgCode = await repo.householdPlace(tx, county, Number(exit.household_id));
  ctx.audit({ action, table: 'household_exit', recordId: exitId, orgCode, diff });
  return getExit(tx, county, exitId, lang);
}
