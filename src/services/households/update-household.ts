/**
 * Updates a household's own fields (not its persons, income or needs). The change is refused when it breaks a
 * registry rule that held before (e.g. switching the main cause to 因病 with nobody ill), every problem at once.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/households.ts';
import type { Database } from '../../db/schema.ts';
import type { HouseholdPatchBody } from '../../shared/schemas/household.ts';
import { diffOf } from '../audit/audit.ts';
import { householdMoved } from '../grids/registry-moves.ts';
import { write } from '../write.ts';
import { getHousehold } from './get-household.ts';
import { householdColumns } from './household-columns.ts';
import {
  householdCodeUses,
  incomeFacts,
  introducedViolations,
  personFacts,
  plannedExitProblems,
  refuseProblems,
  toFacts,
  toProblems,
  violationsOf,
} from './household-rules.ts';
import { type Lang, loadForChange, placeProblems } from './household-state.ts';

/** Applies the patch and returns the full record. */
export async function updateHousehold(
  db: Kysely<Database>,
  county: string,
  id: number,
  patch: HouseholdPatchBody,
  lang: Lang = 'zh',
) {
  return write(db, county, async (ctx) => {
    const { tx } = ctx;
    const { household, persons, latestIncome } = await loadForChange(tx, county, id);
    const people = persons.map(personFacts);
    const income = latestIncome ? incomeFacts(latestIncome) : null;
    const after = {
      attribute: patch.attribute ?? household.attribute,
      main_cause: patch.mainCause ?? household.main_cause,
      other_causes: patch.otherCauses ?? household.other_causes,
    };
    const introduced = introducedViolations(
      violationsOf(toFacts(household, people, income)),
      violationsOf(toFacts(after, people, income)),
    );
    const plannedExit = patch.plannedExitYear === undefined ? household.planned_exit_year : patch.plannedExitYear;
    const problems = [
      ...toProblems(introduced),
      ...plannedExitProblems(patch.identifiedYear ?? household.identified_year, plannedExit),
      ...(await placeProblems(tx, county, patch.naturalVillageCode)),
    ];
    await refuseProblems(tx, householdCodeUses(patch), problems);
    const columns = householdColumns(patch);
    await repo.updateHousehold(tx, county, id, columns);
    await householdMoved(tx, county, id, household.natural_village_code, patch.naturalVillageCode);
    const diff = diffOf(household, columns);
    ctx.audit({
      action: 'household.update',
      table: 'household',
      recordId: id,
      orgCode: household.natural_village_code,
      diff,
    });
    ctx.changed('households');
    // A change of natural village touches the old one's figures too.
    ctx.touched(household.natural_village_code, patch.naturalVillageCode);
    return getHousehold(tx, county, id, lang);
  });
}
