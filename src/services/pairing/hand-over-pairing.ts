/**
 * Hands a pairing over (不脱贫，不脱钩): when the helper dies, moves or falls ill, another member takes the same
 * household over the same day. One transaction: the successor's pairing is inserted (their capacity and scope
 * checked), then the old one ends pointing at it — the database's foreign key pins both to the same household
 * and day. Any other ending belongs to the exit workflow.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/pairings.ts';
import { poorMemberIds } from '../../db/repositories/registered-poor.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import type { HandoverInput } from '../../shared/schemas/pairing.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import { assertInScope } from './confirm-pairings.ts';
import { getPairing } from './get-pairing.ts';
import { lockCurrentPairing } from './lock-current-pairing.ts';
import {
  dateProblem,
  freeSlot,
  householdProblem,
  memberProblem,
  poorMemberProblem,
  problemAt,
  refuseAll,
} from './pairing-rules.ts';
import { newPlaqueCode } from './plaque-code.ts';

function successorProblems(
  input: HandoverInput,
  facts: { old: { member_id: number; started_on: string }; taken: number[]; paired: boolean; poor: boolean },
  m: Parameters<typeof memberProblem>[0],
  h: Parameters<typeof householdProblem>[0],
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (m.id === facts.old.member_id) {
    problems.push(
      problemAt('successorMemberId', {
        code: 'same_member',
        message: { zh: '接替的党员不能是原帮扶党员', en: 'The successor must be another member' },
      }),
    );
  }
  const member = memberProblem(m, facts.taken.length);
  if (member) problems.push(problemAt('successorMemberId', member));
  const poor = poorMemberProblem(m, facts.poor);
  if (poor) problems.push(problemAt('successorMemberId', poor));
  const household = householdProblem(h, m, facts.paired);
  if (household && household.code !== 'household_not_needing_help')
    problems.push(problemAt('successorMemberId', household));
  const date = dateProblem(input.on, today, {
    date: facts.old.started_on,
    what: { zh: '原结对开始日期', en: 'the start of the pairing' },
  });
  if (date) problems.push(problemAt('on', date));
  return problems;
}

/** Hands pairing `id` over to `input.successorMemberId` on `input.on`; returns the successor pairing. */
export async function handOverPairing(
  db: Kysely<Database>,
  county: string,
  id: number,
  input: HandoverInput,
  actor: Actor,
  today: string = chinaDateOf(),
) {
  const successorId = await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const old = await lockCurrentPairing(tx, county, id);
    const [m] = await repo.lockMembers(tx, county, [input.successorMemberId]);
    const [h] = await repo.householdsByIds(tx, county, [old.household_id]);
    assertInScope(actor, county, [m?.natural_village_code]);
    const current = await repo.currentPairingsOf(tx, county, [m!.id]);
    const taken = current.map((p) => p.slot);
    const paired = current.some((p) => p.household_id === old.household_id);
    const poor = (await poorMemberIds(tx, county, { memberIds: [m!.id] })).has(m!.id);
    refuseAll(successorProblems(input, { old, taken, paired, poor }, m!, h!, today));
    const [newId] = await repo.insertPairings(tx, county, [
      {
        member_id: m!.id,
        household_id: old.household_id,
        slot: freeSlot(taken),
        started_on: input.on,
        plaque_code: newPlaqueCode(),
        confirmed_by: actor.userId,
        measures: old.measures,
      },
    ]);
    await repo.endByHandover(tx, county, id, {
      on: input.on,
      successorId: newId!,
      reason: input.reason,
      note: input.note,
    });
    ctx.audit({
      action: 'pairing.handover',
      table: 'pairing',
      recordId: id,
      orgCode: h!.natural_village_code,
      diff: {
        ended_on: [null, input.on],
        end_reason: [null, input.reason],
        successor_id: [null, newId],
        successor_member_id: [old.member_id, m!.id],
      },
    });
    ctx.changed('dashboard');
    return newId!;
  });
  return getPairing(db, county, successorId);
}
