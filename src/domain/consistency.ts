/**
 * The registry consistency checks the national system applied to every poor household (DOMAIN.md
 * §3). One entry point returns every violation at once, because clerks fix a household's record in
 * one sitting and a check that stops at the first problem sends them back again and again.
 * Cross-household rules (no person registered twice in the county) need the database and live there.
 */
import { checkCauseCount, checkCauseEvidence, checkCauseRepeats } from './consistency-causes.ts';
import { checkAges, checkNames, checkSpouses } from './consistency-family.ts';
import { checkDibaoWubao, checkIncome } from './consistency-income.ts';
import { checkHead, checkHelpers, checkIds, checkTekunLabour } from './consistency-people.ts';
import { chinaDateOf, parseIsoDate } from './dates.ts';
import type { HouseholdFacts, RuleContext, Violation } from './household-facts.ts';
import { parseResidentId } from './ids.ts';
import { idKey } from './person-facts.ts';

export type { HouseholdFacts, PersonFacts, Violation, ViolationCode } from './household-facts.ts';
export { VIOLATION_CODES } from './household-facts.ts';

/**
 * Runs every consistency rule on one household and returns all violations (empty when the record
 * is consistent), in a stable order: people, family, causes, income, helpers.
 * @param opts.asOf the assessment date 'YYYY-MM-DD' for ages; defaults to today in China.
 * @throws RangeError when `asOf` is not a valid date.
 */
export function checkHousehold(h: HouseholdFacts, opts: { asOf?: string } = {}): Violation[] {
  const asOf = opts.asOf ?? chinaDateOf();
  if (!parseIsoDate(asOf)) throw new RangeError(`Invalid asOf date: ${asOf}`);
  const ids = h.persons.map((p) => parseResidentId(p.idNumber, asOf));
  const ctx: RuleContext = {
    household: h,
    asOf,
    ids,
    idKeys: h.persons.map((p) => idKey(p.idNumber, asOf)),
  };
  return [
    ...checkIds(ctx),
    ...checkNames(ctx),
    ...checkAges(ctx),
    ...checkHead(ctx),
    ...checkSpouses(ctx),
    ...checkTekunLabour(ctx),
    ...checkCauseCount(ctx),
    ...checkCauseRepeats(ctx),
    ...checkCauseEvidence(ctx),
    ...checkDibaoWubao(ctx),
    ...checkIncome(ctx),
    ...checkHelpers(ctx, (id) => idKey(id, asOf)),
  ];
}
