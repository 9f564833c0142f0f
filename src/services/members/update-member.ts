/** Change fields of a member's information card. */
import type { Kysely } from 'kysely';
import { findMemberRow, updateMember as writeMember } from '../../db/repositories/members.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { diffOf } from '../audit/audit.ts';
import { memberMoved } from '../grids/registry-moves.ts';
import { write } from '../write.ts';
import { getMember } from './get-member.ts';
import { identityColumns, MEMBER, type MemberPatch, toColumns } from './member-card.ts';
import { poorMemberProblems } from './member-helper-rule.ts';
import { memberProblems } from './member-rules.ts';

/**
 * Applies `patch` to member `id` of `county` (404 for another county's member). The identity rules run on
 * the card as it will be stored, so a new join date is checked against the stored ID number and a new ID
 * number against the stored join date; birth date and sex are re-derived from the ID number. One transaction.
 * @param today the calendar day "not in the future" and ages refer to (China date by default)
 */
export async function updateMember(
  db: Kysely<Database>,
  county: string,
  id: number,
  patch: MemberPatch,
  today: string = chinaDateOf(),
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const current = await findMemberRow(tx, county, id);
    if (!current) throw AppError.notFound(MEMBER);
    const facts = {
      idNumber: patch.idNumber ?? current.id_number,
      sex: patch.sex,
      joinDate: patch.joinDate ?? current.join_date,
    };
    const { problems, identity } = await memberProblems(tx, county, facts, patch, today);
    if (identity) {
      const card = {
        id,
        name: patch.name ?? current.name,
        idNumber: identity.idNumber,
        capacity: patch.capacity ?? current.capacity,
      };
      problems.push(...(await poorMemberProblems(tx, county, card, patch)));
    }
    if (problems.length > 0 || !identity) throw AppError.rules(problems);
    const columns = { ...toColumns(patch), ...identityColumns(identity) };
    await writeMember(tx, county, id, columns);
    await memberMoved(ctx, id, current, patch);
    const diff = diffOf(current, columns);
    ctx.audit({
      action: 'member.update',
      table: 'party_member',
      recordId: id,
      orgCode: current.natural_village_code,
      diff,
    });
    // A change of natural village touches the old one's figures too.
    ctx.touched(current.natural_village_code, patch.naturalVillageCode);
    return getMember(tx, county, id, today);
  });
}
