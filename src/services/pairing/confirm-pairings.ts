/**
 * Confirms reviewed suggestions (issue #6 item 2), all or nothing: every pair is checked (problems per item,
 * `pairs.3.memberId`), each pairing takes its member's free slot and a random plaque code, and each is audited.
 * A pair outside the caller's pairing.write scope answers 404; a constraint refusal from a concurrent write
 * becomes 409 and nothing is written.
 */

import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/pairings.ts';
import { poorMemberIds } from '../../db/repositories/registered-poor.ts';
import type { Database } from '../../db/schema.ts';
import { inScope, scopeRoots } from '../../domain/access/roles.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError, type FieldProblem } from '../../domain/errors.ts';
import type { ConfirmInput } from '../../shared/schemas/pairing.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import {
  dateProblem,
  freeSlot,
  type HouseholdFacts,
  householdProblem,
  type MemberFacts,
  memberProblem,
  poorMemberProblem,
  problemAt,
  refuseAll,
} from './pairing-rules.ts';
import { toPairingItem } from './pairing-view.ts';
import { newPlaqueCode } from './plaque-code.ts';

const RECORD = { zh: '党员或贫困户', en: 'member or household' };

/** 404 unless every member and household exists and lies where the actor holds pairing.write in `county`. */
export function assertInScope(actor: Actor, county: string, units: readonly (string | undefined)[]): void {
  const roots = scopeRoots(actor.grants, 'pairing.write', county);
  if (units.some((u) => u === undefined || !inScope(u, roots))) throw AppError.notFound(RECORD);
}

interface Loaded {
  members: Map<number, MemberFacts>;
  households: Map<number, HouseholdFacts>;
  slots: Map<number, number[]>;
  paired: Set<string>;
  /** Members whose ID number is a registered poor person's. */
  poor: Set<number>;
}

async function loadFacts(tx: Kysely<Database>, county: string, input: ConfirmInput): Promise<Loaded> {
  const memberIds = [...new Set(input.pairs.map((p) => p.memberId))];
  const members = await repo.lockMembers(tx, county, memberIds);
  const households = await repo.householdsByIds(tx, county, [...new Set(input.pairs.map((p) => p.householdId))]);
  const current = await repo.currentPairingsOf(tx, county, memberIds);
  const poor = await poorMemberIds(tx, county, { memberIds });
  const slots = new Map<number, number[]>();
  for (const p of current) slots.set(p.member_id, [...(slots.get(p.member_id) ?? []), p.slot]);
  return {
    members: new Map(members.map((m) => [m.id, m])),
    households: new Map(households.map((h) => [h.id, h])),
    slots,
    paired: new Set(current.map((p) => `${p.member_id}:${p.household_id}`)),
    poor,
  };
}

function checkPairs(facts: Loaded, input: ConfirmInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const start = dateProblem(input.startOn, today);
  if (start) problems.push(problemAt('startOn', start));
  input.pairs.forEach((pair, i) => {
    const m = facts.members.get(pair.memberId)!;
    const h = facts.households.get(pair.householdId)!;
    const taken = facts.slots.get(m.id) ?? [];
    const member = memberProblem(m, taken.length);
    if (member) problems.push(problemAt(`pairs.${i}.memberId`, member));
    const poor = poorMemberProblem(m, facts.poor.has(m.id));
    if (poor) problems.push(problemAt(`pairs.${i}.memberId`, poor));
    const key = `${m.id}:${h.id}`;
    const household = householdProblem(h, m, facts.paired.has(key));
    if (household) problems.push(problemAt(`pairs.${i}.householdId`, household));
    const joined = dateProblem(input.startOn, today, {
      date: m.join_date,
      what: { zh: '入党日期', en: 'joining the Party' },
    });
    if (!start && joined) problems.push(problemAt('startOn', joined));
    // Later pairs of the request see this one as taken.
    facts.slots.set(m.id, [...taken, freeSlot(taken)]);
    facts.paired.add(key);
  });
  return problems;
}

/** Confirms `input.pairs` starting `input.startOn`; returns the new pairings. */
export async function confirmPairings(
  db: Kysely<Database>,
  county: string,
  input: ConfirmInput,
  actor: Actor,
  today: string = chinaDateOf(),
) {
  const ids = await write(db, county, async (ctx) => {
    const { tx } = ctx;
    const facts = await loadFacts(tx, county, input);
    assertInScope(actor, county, [
      ...input.pairs.map((p) => facts.members.get(p.memberId)?.natural_village_code),
      ...input.pairs.map((p) => facts.households.get(p.householdId)?.natural_village_code),
    ]);
    const before = new Map([...facts.slots].map(([k, v]) => [k, [...v]]));
    refuseAll(checkPairs(facts, input, today));
    const rows = input.pairs.map((p) => {
      const taken = before.get(p.memberId) ?? [];
      const slot = freeSlot(taken);
      before.set(p.memberId, [...taken, slot]);
      return {
        member_id: p.memberId,
        household_id: p.householdId,
        slot,
        started_on: input.startOn,
        plaque_code: newPlaqueCode(),
        confirmed_by: actor.userId,
        measures: p.measures ?? '',
      };
    });
    const ids = await repo.insertPairings(tx, county, rows);
    for (const [i, id] of ids.entries()) {
      const r = rows[i]!;
      const orgCode = facts.households.get(r.household_id)!.natural_village_code;
      const diff = {
        member_id: [null, r.member_id],
        household_id: [null, r.household_id],
        slot: [null, r.slot],
        started_on: [null, r.started_on],
      } as Record<string, [unknown, unknown]>;
      ctx.audit({ action: 'pairing.confirm', table: 'pairing', recordId: id, orgCode, diff });
    }
    ctx.changed('dashboard');
    return ids;
  });
  return { items: (await repo.pairingRows(db, county, { ids })).map(toPairingItem) };
}
