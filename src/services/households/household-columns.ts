/**
 * Request fields (camelCase) to table columns (snake_case) for households, persons and income years, in one
 * table each so create and update cannot drift apart.
 */
import type { Insertable, Updateable } from 'kysely';
import type { HouseholdUpdate } from '../../db/repositories/households.ts';
import type { HouseholdPersonTable, HouseholdTable } from '../../db/schema.ts';
import { trimInvisible } from '../../domain/person-facts.ts';
import type {
  HouseholdPatchBody,
  IncomeInputBody,
  PersonInputBody,
  PersonPatchBody,
} from '../../shared/schemas/household.ts';
import { incomeItems } from './household-rules.ts';

const HOUSEHOLD_COLUMNS = {
  registryNo: 'registry_no',
  naturalVillageCode: 'natural_village_code',
  address: 'address',
  phone: 'phone',
  bankName: 'bank_name',
  bankAccount: 'bank_account',
  standard: 'standard',
  attribute: 'attribute',
  mainCause: 'main_cause',
  otherCauses: 'other_causes',
  identifiedYear: 'identified_year',
  plannedExitYear: 'planned_exit_year',
  farmlandMu: 'farmland_mu',
  forestMu: 'forest_mu',
  hasPower: 'has_power',
  roadDistanceKm: 'road_distance_km',
  housingArea: 'housing_area',
  housingStructure: 'housing_structure',
  housingGrade: 'housing_grade',
  safeWater: 'safe_water',
  hasToilet: 'has_toilet',
  inCooperative: 'in_cooperative',
  foodClothingSecure: 'food_clothing_secure',
} as const satisfies Record<keyof HouseholdPatchBody, keyof HouseholdTable>;

// ID number and sex are not copied: they are normalised and derived from the ID (household-rules.ts).
const PERSON_COLUMNS = {
  name: 'name',
  relation: 'relation',
  ethnicity: 'ethnicity',
  education: 'education',
  schoolStatus: 'school_status',
  health: 'health',
  labour: 'labour',
  monthsWorked: 'months_worked',
  hasMedicalInsurance: 'has_medical_insurance',
  hasPensionInsurance: 'has_pension_insurance',
} as const satisfies Partial<Record<keyof PersonPatchBody, keyof HouseholdPersonTable>>;

function mapFields(input: Record<string, unknown>, columns: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) {
    const value = input[field];
    // Names and addresses arrive typed or pasted by hand: invisible characters at the ends (zero-width spaces
    // too) are dropped; the tables check the trimmed length.
    if (value !== undefined) out[column] = typeof value === 'string' ? trimInvisible(value) : value;
  }
  return out;
}

/** Columns of the household fields present in the input. */
export function householdColumns(input: HouseholdPatchBody): HouseholdUpdate {
  return mapFields(input, HOUSEHOLD_COLUMNS) as HouseholdUpdate;
}

/** Columns of the person fields present in the input (ID number and sex excluded). */
export function personColumns(input: PersonPatchBody): Updateable<HouseholdPersonTable> {
  return mapFields(input, PERSON_COLUMNS) as Updateable<HouseholdPersonTable>;
}

/** The income items of a request as columns (absent items are 0). */
export function incomeColumns(input: IncomeInputBody) {
  const { productionCost, ...items } = incomeItems(input);
  return { ...items, production_cost: productionCost };
}

/** A new person's row: the request's fields plus the normalised ID number, birth date and sex. */
export function newPersonRow(
  ids: { county_code: string; household_id: number },
  input: PersonInputBody,
  derived: Pick<HouseholdPersonTable, 'id_number' | 'birth_date' | 'sex'>,
): Insertable<HouseholdPersonTable> {
  const { name, relation, ethnicity, education, labour } = input;
  return {
    ...personColumns(input),
    ...ids,
    name: trimInvisible(name),
    relation,
    ethnicity,
    education,
    labour,
    ...derived,
  };
}
