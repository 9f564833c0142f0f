/** The households a member helps now: the choices for a commitment item's household. */
import type { Kysely } from 'kysely';
import { findMember, pairedHouseholds } from '../../db/repositories/commitments.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';

/** Member `memberId` of `county` with the heads of their currently paired households (404 when unknown). */
export async function listPairedHouseholds(db: Kysely<Database>, county: string, memberId: number) {
  const [member, rows] = await Promise.all([findMember(db, county, memberId), pairedHouseholds(db, county, memberId)]);
  if (!member) throw AppError.notFound({ zh: '党员', en: 'member' });
  return {
    memberId: Number(member.id),
    memberName: member.name,
    naturalVillageCode: member.natural_village_code,
    households: rows.map((r) => ({
      householdId: Number(r.household_id),
      headName: r.head_name,
      startedOn: r.started_on,
    })),
  };
}
