/**
 * Queries behind the rule "a helper is not a registered poor person": members and household persons matched
 * by their stored ID numbers (both tables keep the normalised 18-digit form, so equality is the match).
 */
import type { Kysely } from 'kysely';
import { REGISTERED_POOR_STATUSES } from '../../domain/helper-eligibility.ts';
import type { Database } from '../schema.ts';
import { likeEscape } from './paging.ts';

type Db = Kysely<Database>;

/** Current persons of registered households whose ID number is one of `idNumbers`, with their household. */
export function registeredPoorPersons(db: Db, county: string, idNumbers: readonly string[]) {
  return db
    .selectFrom('household_person as p')
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
    )
    .select(['p.id_number', 'p.household_id'])
    .where('p.county_code', '=', county)
    .where('p.removed_on', 'is', null)
    .where('h.status', 'in', REGISTERED_POOR_STATUSES)
    .where('p.id_number', 'in', idNumbers.length > 0 ? idNumbers : [''])
    .execute();
}

/** Of the members `memberIds` (or every member living under `scope`), those who are registered poor persons. */
export async function poorMemberIds(
  db: Db,
  county: string,
  among: { memberIds: readonly number[] } | { scope: string },
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('party_member as m')
    .select('m.id')
    .where('m.county_code', '=', county)
    .$if('memberIds' in among, (q) =>
      q.where('m.id', 'in', 'memberIds' in among && among.memberIds.length > 0 ? among.memberIds : [0]),
    )
    .$if('scope' in among, (q) =>
      q.where('m.natural_village_code', 'like', `${likeEscape('scope' in among ? among.scope : '')}%`),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('household_person as p')
          .innerJoin('household as h', (j) =>
            j.onRef('h.county_code', '=', 'p.county_code').onRef('h.id', '=', 'p.household_id'),
          )
          .select('p.id')
          .whereRef('p.county_code', '=', 'm.county_code')
          .whereRef('p.id_number', '=', 'm.id_number')
          .where('p.removed_on', 'is', null)
          .where('h.status', 'in', REGISTERED_POOR_STATUSES),
      ),
    )
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/** Members who currently help some household and whose ID number is one of `idNumbers`. */
export function helpingMembersWithIds(db: Db, county: string, idNumbers: readonly string[]) {
  return db
    .selectFrom('party_member as m')
    .select(['m.id', 'm.id_number'])
    .where('m.county_code', '=', county)
    .where('m.id_number', 'in', idNumbers.length > 0 ? idNumbers : [''])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('pairing as x')
          .select('x.id')
          .whereRef('x.county_code', '=', 'm.county_code')
          .whereRef('x.member_id', '=', 'm.id')
          .where('x.ended_on', 'is', null),
      ),
    )
    .execute();
}

/** ID numbers of the members currently helping household `householdId`, in pairing order. */
export async function helperIdNumbersOf(db: Db, county: string, householdId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('pairing as x')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.county_code', '=', 'x.county_code').onRef('m.id', '=', 'x.member_id'),
    )
    .select('m.id_number')
    .where('x.county_code', '=', county)
    .where('x.household_id', '=', householdId)
    .where('x.ended_on', 'is', null)
    .orderBy('x.id')
    .execute();
  return rows.map((r) => r.id_number);
}
