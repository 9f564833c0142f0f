/**
 * "A helper is not a registered poor person" seen from the member's card: a member whose ID number is that of a
 * current person of a registered household cannot offer help (capacity must be 0) and cannot take an ID number
 * that makes their current pairings break the rule. Poor Party members are still registered: every member
 * belongs to a grid's group, helping or not (docs/decisions.md).
 */
import type { Kysely } from 'kysely';
import { currentPairingsOf } from '../../db/repositories/pairings.ts';
import { registeredPoorPersons } from '../../db/repositories/registered-poor.ts';
import type { Database } from '../../db/schema.ts';
import type { FieldProblem } from '../../domain/errors.ts';
import { HELPER_IS_POOR, memberIsPoorMessage, POOR_MEMBER_CAPACITY } from '../../domain/helper-eligibility.ts';
import type { MemberPatch } from './member-card.ts';

/** The card as it will be stored: its id (absent on create), name, normalised ID number and capacity. */
export interface HelperCard {
  id?: number;
  name: string;
  idNumber: string;
  capacity: number;
}

/**
 * Problems of the rule for a card being created or changed; only an ID number or capacity in `changed` is
 * judged, so an unrelated edit of an older card is not refused for it.
 */
export async function poorMemberProblems(
  db: Kysely<Database>,
  county: string,
  card: HelperCard,
  changed: Pick<MemberPatch, 'idNumber' | 'capacity'>,
): Promise<FieldProblem[]> {
  if (changed.idNumber === undefined && changed.capacity === undefined) return [];
  const poor = await registeredPoorPersons(db, county, [card.idNumber]);
  if (poor.length === 0) return [];
  const problems: FieldProblem[] = [];
  if (card.id !== undefined && changed.idNumber !== undefined) {
    const helping = await currentPairingsOf(db, county, [card.id]);
    if (helping.length > 0) {
      problems.push({ path: 'idNumber', code: HELPER_IS_POOR, message: memberIsPoorMessage(card.name) });
    }
  }
  if (card.capacity > 0) problems.push({ path: 'capacity', code: HELPER_IS_POOR, message: POOR_MEMBER_CAPACITY });
  return problems;
}
