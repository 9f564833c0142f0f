/** Register a new party member's information card. */
import type { Kysely } from 'kysely';
import { insertMember } from '../../db/repositories/members.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { diffOf } from '../audit/audit.ts';
import { write } from '../write.ts';
import { getMember } from './get-member.ts';
import { type MemberInput, toNewRow } from './member-card.ts';
import { poorMemberProblems } from './member-helper-rule.ts';
import { memberProblems } from './member-rules.ts';

/**
 * Checks every rule, then stores the card with the birth date and sex derived from the ID number, in one
 * transaction (a refusal writes nothing). A duplicate ID number in the county is refused by the database's
 * unique constraint (409), which also holds against two clerks saving the same person at once.
 * @param today the calendar day "not in the future" and ages refer to (China date by default)
 */
export async function createMember(
  db: Kysely<Database>,
  county: string,
  input: MemberInput,
  today: string = chinaDateOf(),
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const { problems, identity } = await memberProblems(tx, county, input, input, today);
    if (identity) {
      const card = { name: input.name, idNumber: identity.idNumber, capacity: input.capacity };
      problems.push(...(await poorMemberProblems(tx, county, card, input)));
    }
    if (problems.length > 0 || !identity) throw AppError.rules(problems);
    const row = toNewRow(input, county, identity);
    const id = await insertMember(tx, row);
    const { county_code, ...written } = row;
    ctx.audit({
      action: 'member.create',
      table: 'party_member',
      recordId: id,
      orgCode: row.natural_village_code,
      diff: diffOf(null, written),
    });
    ctx.touched(row.natural_village_code);
    return getMember(tx, county, id, today);
  });
}
