/**
 * Poor households of one village with everything that hangs off them: persons, yearly income, needs and
 * status history. Each household is built so that it passes the registry's consistency checks, and is
 * checked (cheaply, in memory) before it is handed to the inserter: a failure is a generator bug.
 */
import type { Insertable } from 'kysely';
import type {
  HouseholdIncomeTable,
  HouseholdNeedTable,
  HouseholdPersonTable,
  HouseholdStatusEventTable,
  HouseholdTable,
} from '../db/schema.ts';
import { checkHousehold, type HouseholdFacts } from '../domain/consistency.ts';
import { drawProfile } from './causes.ts';
import { drawConditions } from './conditions.ts';
import { DEMO_TODAY, DEMO_YEAR, fromDayNumber, toDayNumber } from './dates.ts';
import { familyShape, tekunShape } from './family.ts';
import { drawHistory } from './history.ts';
import { type IncomeYear, incomeSeries } from './income-series.ts';
import { drawNeeds } from './needs.ts';
import { type IdRegistry, mobilePhone, pickNaturalVillage } from './people.ts';
import { buildPersons, type PersonDraft } from './persons.ts';
import type { VillagePlan } from './places.ts';
import type { Rng } from './random.ts';

/** All rows of a batch of households, table by table in foreign-key order. */
export interface HouseholdRows {
  household: Insertable<HouseholdTable>[];
  household_person: Insertable<HouseholdPersonTable>[];
  household_income: Insertable<HouseholdIncomeTable>[];
  household_need: Insertable<HouseholdNeedTable>[];
  household_status_event: Insertable<HouseholdStatusEventTable>[];
}

/** What the generator needs to know about the county. */
export interface CountyContext {
  countyCode: string;
  countyName: string;
  provinceCode: string;
  ids: IdRegistry;
}

/** Builds empty row lists. */
export function emptyHouseholdRows(): HouseholdRows {
  return { household: [], household_person: [], household_income: [], household_need: [], household_status_event: [] };
}

/** The registry's view of a household, as checkHousehold reads it. */
function householdFacts(
  profile: ReturnType<typeof drawProfile>,
  persons: readonly PersonDraft[],
  latest: IncomeYear | undefined,
): HouseholdFacts {
  return {
    attribute: profile.attribute,
    mainCause: profile.mainCause,
    otherCauses: profile.otherCauses,
    persons: persons.map((p) => ({
      name: p.name,
      idNumber: p.idNumber,
      relation: p.relation,
      health: p.health,
      labour: p.labour,
      schoolStatus: p.schoolStatus,
    })),
    income: latest ? { items: latest.items, householdSize: latest.householdSize } : null,
  };
}

/**
 * When the registry recorded a person (created_at/updated_at, dated in the demo's time like the rest of the
 * seed): when the household was identified, except that one serious illness or disability in 20 was recorded in
 * the last 55 days of the year, so the early warning's "new illness" flags a realistic few. Chosen by id, so the
 * random stream is not consumed.
 */
function recordedAt(personId: number, health: string, identifiedOn: string): string {
  const recent = (health === 'serious' || health === 'disabled') && personId % 20 === 0;
  const day = recent ? fromDayNumber(toDayNumber(DEMO_TODAY) - 1 - (personId % 55)) : identifiedOn;
  return `${day}T10:00:00+08:00`;
}

function personRows(
  county: string,
  householdId: number,
  firstPersonId: number,
  persons: readonly PersonDraft[],
  identifiedOn: string,
): Insertable<HouseholdPersonTable>[] {
  return persons.map((p, i) => ({
    county_code: county,
    id: firstPersonId + i,
    household_id: householdId,
    name: p.name,
    sex: p.sex,
    id_number: p.idNumber,
    birth_date: p.birthDate,
    relation: p.relation,
    ethnicity: p.ethnicity,
    education: p.education,
    school_status: p.schoolStatus,
    health: p.health,
    labour: p.labour,
    months_worked: p.monthsWorked,
    has_medical_insurance: true, // basic medical insurance covered every registered poor person
    has_pension_insurance: p.hasPensionInsurance,
    created_at: recordedAt(firstPersonId + i, p.health, identifiedOn),
    updated_at: recordedAt(firstPersonId + i, p.health, identifiedOn),
  }));
}

function incomeRows(
  county: string,
  householdId: number,
  series: readonly IncomeYear[],
): Insertable<HouseholdIncomeTable>[] {
  return series.map(({ year, items, householdSize }) => ({
    county_code: county,
    household_id: householdId,
    year,
    wage: items.wage,
    production: items.production,
    property: items.property,
    dibao: items.dibao,
    wubao: items.wubao,
    pension: items.pension,
    subsidy: items.subsidy,
    production_cost: items.productionCost,
    household_size: householdSize,
  }));
}

const bankNames = (county: string): [string, number][] => [
  [`${county}农村商业银行`, 60],
  [`中国邮政储蓄银行${county}支行`, 25],
  [`中国农业银行${county}支行`, 15],
];

/** Ids to use next; advanced by each household built. */
export interface IdCursor {
  household: number;
  person: number;
}

/** Builds one household into `rows`. @throws Error when the result breaks a consistency rule (a bug). */
export function buildHousehold(
  rng: Rng,
  ctx: CountyContext,
  village: VillagePlan,
  cursor: IdCursor,
  rows: HouseholdRows,
): void {
  const id = cursor.household++;
  const profile = drawProfile(rng);
  const tekun = profile.attribute === 'tekun';
  const members = tekun ? tekunShape(rng, profile.size) : familyShape(rng, profile.size, profile.evidence);
  const persons = buildPersons(rng, members, profile.evidence, tekun, ctx.ids);
  const history = drawHistory(rng);
  const causes = [profile.mainCause, ...profile.otherCauses];
  const conditions = drawConditions(rng, persons.length, causes, history);
  const series = incomeSeries(
    rng,
    history,
    profile.attribute,
    persons,
    conditions.in_cooperative === true,
    ctx.provinceCode,
  );
  const latest = series[series.length - 1];
  const violations = checkHousehold(householdFacts(profile, persons, latest), { asOf: DEMO_TODAY });
  if (violations.length > 0)
    throw new Error(`seed-demo built an inconsistent household ${id}: ${violations.map((v) => v.code).join(', ')}`);
  const natural = pickNaturalVillage(rng, village);
  rows.household.push({
    county_code: ctx.countyCode,
    id,
    registry_no: ctx.countyCode + String(id).padStart(8, '0'),
    natural_village_code: natural.code,
    address: `${village.township.name}${village.name}${natural.name}`,
    head_name: persons[0]?.name ?? '',
    phone: rng.chance(0.88) ? mobilePhone(rng) : null,
    bank_name: rng.weighted(bankNames(ctx.countyName)),
    bank_account: `62${rng.digits(17)}`,
    standard: rng.weighted([
      ['national', 92],
      ['provincial', 6],
      ['municipal', 2],
    ] as const),
    attribute: profile.attribute,
    main_cause: profile.mainCause,
    other_causes: profile.otherCauses,
    status: history.povertyStatus,
    identified_year: history.identifiedYear,
    planned_exit_year: history.plannedExitYear,
    ...conditions,
    size: persons.length,
    income_year: latest ? DEMO_YEAR : null,
    per_capita_income: latest?.perCapita ?? null,
  });
  rows.household_person.push(...personRows(ctx.countyCode, id, cursor.person, persons, history.identifiedOn));
  cursor.person += persons.length;
  rows.household_income.push(...incomeRows(ctx.countyCode, id, series));
  const dangerous = conditions.housing_grade === 'C' || conditions.housing_grade === 'D';
  rows.household_need.push(...drawNeeds(rng, history, causes, dangerous, ctx.countyCode, id));
  rows.household_status_event.push(
    ...history.events.map((e) => ({ county_code: ctx.countyCode, household_id: id, ...e })),
  );
}
