/**
 * What every write to a commitment shares, inside the write envelope (services/write.ts): the writer's ownership
 * rule, the locked row, the state check naming the current state (409), the audit entry with the field diff.
 */
import type { Kysely, Transaction } from 'kysely';
import { type CommitmentRow, findCommitment, itemsOf, lockCommitment } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import {
  type CommitmentAction,
  canDo,
  commitmentWriters,
  ownMembersOnly,
  wrongState,
} from '../../domain/commitments.ts';
import { AppError, type FieldProblem, type Localized } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { diffOf } from '../audit/audit.ts';
import type { WriteContext } from '../write.ts';
import { COMMITMENT, type CommitmentView, toDetail } from './commitment-view.ts';

/** A 422 with one field problem. */
export function refuse(path: string, code: string, message: Localized): AppError {
  const problem: FieldProblem = { path, code, message };
  return AppError.rules([problem]);
}

/**
 * 404 unless `actor` may write the commitments of member `memberId` living at `unit`: a user whose write right
 * there comes only from 'member' grants writes only for the members those grants name (never 403: no leaks).
 */
export function checkOwner(actor: Actor, county: string, unit: string, memberId: number, what: Localized = COMMITMENT) {
  const own = ownMembersOnly(commitmentWriters(actor.grants, county), unit);
  if (own !== null && !own.includes(memberId)) throw AppError.notFound(what);
}

/** The audited facts of a commitment: its status fields and its items as one line each. */
async function snapshot(tx: Kysely<Database>, county: string, id: number) {
  const [row, items] = await Promise.all([findCommitment(tx, county, id), itemsOf(tx, county, id)]);
  return {
    status: row?.status ?? null,
    review_comment: row?.review_comment ?? null,
    published_on: row?.published_on ?? null,
    evaluation_grade: row?.evaluation_grade ?? null,
    evaluation: row?.evaluation ?? null,
    items: items.map(
      (i) =>
        `${i.position}:${i.content}|${i.household_id ?? ''}|${i.due_on ?? ''}|${i.fulfilled_on ?? ''}|${i.evidence ?? ''}`,
    ),
  };
}

export interface WriteOptions {
  action: CommitmentAction;
  /** The audit action name ('commitment.review' …). */
  audit: string;
  /** The writer, when the action is a member's own (propose, edit, fulfil); reviews need no ownership. */
  actor?: Actor;
}

/**
 * Runs `step` on the locked commitment `id` of the envelope's county (404 when unknown or not the actor's own),
 * refusing with 409 when its state does not allow the action; audits the diff and returns the commitment. Call it
 * as the step of `write`.
 */
export async function commitmentStep(
  ctx: WriteContext,
  id: number,
  options: WriteOptions,
  step: (tx: Transaction<Database>, row: CommitmentRow) => Promise<void>,
): Promise<CommitmentView> {
  const { tx, county } = ctx;
  await lockCommitment(tx, county, id);
  const row = await findCommitment(tx, county, id);
  if (!row) throw AppError.notFound(COMMITMENT);
  if (options.actor) checkOwner(options.actor, county, row.natural_village_code, Number(row.member_id));
  if (!canDo(options.action, row.status)) throw new AppError('conflict', wrongState(options.action, row.status));
  const before = await snapshot(tx, county, id);
  await step(tx, row);
  const diff = diffOf(before, await snapshot(tx, county, id));
  ctx.audit({
    action: options.audit,
    table: 'commitment',
    recordId: id,
    orgCode: row.natural_village_code,
    diff,
  });
  const [after, items] = await Promise.all([findCommitment(tx, county, id), itemsOf(tx, county, id)]);
  return toDetail(after as CommitmentRow, items);
}
