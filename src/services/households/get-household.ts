/**
 * The full household record for the household screen: fields, current persons, income by year against the
 * poverty line, needs, status history, and what is currently inconsistent. ID numbers, phones and bank
 * accounts are masked at serialisation by the response schema's marks (src/http/plugins/masking.ts).
 */
import type { Kysely } from 'kysely';
import * as parts from '../../db/repositories/household-parts.ts';
import * as repo from '../../db/repositories/households.ts';
import * as monitoring from '../../db/repositories/monitoring.ts';
import { lineMapOf } from '../../db/repositories/monitoring-lines.ts';
import { helperIdNumbersOf, registeredPoorPersons } from '../../db/repositories/registered-poor.ts';
import type { Database } from '../../db/schema.ts';
import { provinceOf } from '../../domain/divisions.ts';
import { AppError } from '../../domain/errors.ts';
import { lineOfYear, type MonitoringLines } from '../../domain/yearly-line.ts';
import { toCaseOut } from '../monitoring/case-out.ts';
import { incomeFacts, personFacts, toFacts, violationsOf } from './household-rules.ts';
import { HOUSEHOLD, type Lang } from './household-state.ts';
import { toListItem } from './list-households.ts';

type HouseholdRow = NonNullable<Awaited<ReturnType<typeof repo.findHousehold>>>;

function toPerson(p: parts.PersonRow) {
  return {
    id: Number(p.id),
    name: p.name,
    sex: p.sex,
    idNumber: p.id_number,
    birthDate: p.birth_date,
    relation: p.relation,
    ethnicity: p.ethnicity,
    education: p.education,
    schoolStatus: p.school_status,
    health: p.health,
    labour: p.labour,
    monthsWorked: p.months_worked,
    hasMedicalInsurance: p.has_medical_insurance,
    hasPensionInsurance: p.has_pension_insurance,
  };
}

function toIncome(row: parts.IncomeRow, province: string, lines: MonitoringLines, lang: Lang) {
  const yearLine = lineOfYear(row.year, province, lines);
  const line = yearLine.known ? yearLine.yuan : null;
  return {
    year: row.year,
    wage: row.wage,
    production: row.production,
    property: row.property,
    dibao: row.dibao,
    wubao: row.wubao,
    pension: row.pension,
    subsidy: row.subsidy,
    productionCost: row.production_cost,
    householdSize: row.household_size,
    perCapitaNet: row.per_capita_net,
    povertyLine: line,
    // Strictly above, as the exit test reads "stably above the line"; unknown without a line.
    aboveLine: line === null ? null : row.per_capita_net > line,
    lineMissing: yearLine.known ? null : yearLine.message[lang],
  };
}

function toFields(h: HouseholdRow) {
  return {
    ...toListItem(h),
    address: h.address,
    bankName: h.bank_name,
    bankAccount: h.bank_account,
    standard: h.standard,
    plannedExitYear: h.planned_exit_year,
    farmlandMu: h.farmland_mu,
    forestMu: h.forest_mu,
    hasPower: h.has_power,
    roadDistanceKm: h.road_distance_km,
    housingArea: h.housing_area,
    housingStructure: h.housing_structure,
    housingGrade: h.housing_grade,
    safeWater: h.safe_water,
    hasToilet: h.has_toilet,
    inCooperative: h.in_cooperative,
    foodClothingSecure: h.food_clothing_secure,
    createdAt: new Date(h.created_at).toISOString(),
    updatedAt: new Date(h.updated_at).toISOString(),
  };
}

/**
 * The household's current helpers as the consistency check reads them, with those who are registered poor persons
 * of another household. Left out when nobody helps: whether every household has a helper is the pairing
 * coverage's business (exited households keep none), not a fault of the household's record.
 */
async function helperFacts(db: Kysely<Database>, county: string, id: number) {
  const helperIdNumbers = await helperIdNumbersOf(db, county, id);
  if (helperIdNumbers.length === 0) return {};
  const poor = await registeredPoorPersons(db, county, helperIdNumbers);
  const helpersPoorElsewhere = poor.filter((p) => Number(p.household_id) !== id).map((p) => p.id_number);
  return { helperIdNumbers, helpersPoorElsewhere };
}

/** The full record of one household of the county, or 404; messages in `lang`. */
export async function getHousehold(db: Kysely<Database>, county: string, id: number, lang: Lang = 'zh') {
  // One round of queries sent together (the parts of an unknown household are simply empty): under load each
  // round waits for a pooled connection, so a record read in one round answers sooner than one read in two.
  const province = provinceOf(county);
  const [household, persons, income, needs, events, helpers, cases, lines] = await Promise.all([
    repo.findHousehold(db, county, id),
    parts.listPersons(db, county, id),
    parts.listIncome(db, county, id),
    parts.listNeeds(db, county, id),
    parts.listStatusEvents(db, county, id),
    helperFacts(db, county, id),
    monitoring.casesOfHousehold(db, county, id),
    lineMapOf(db, province),
  ]);
  if (!household) throw AppError.notFound(HOUSEHOLD);
  const latest = income.at(-1);
  const facts = { ...toFacts(household, persons.map(personFacts), latest ? incomeFacts(latest) : null), ...helpers };
  return {
    ...toFields(household),
    persons: persons.map(toPerson),
    income: income.map((row) => toIncome(row, province, lines, lang)),
    needs: needs.map((n) => ({
      id: Number(n.id),
      need: n.need,
      detail: n.detail,
      status: n.status,
      raisedOn: n.raised_on,
      closedOn: n.closed_on,
    })),
    statusHistory: events.map((e) => ({
      id: Number(e.id),
      status: e.status,
      effectiveOn: e.effective_on,
      reason: e.reason,
    })),
    monitoringCases: cases.map(toCaseOut),
    violations: violationsOf(facts).map((v) => ({ code: v.code, path: v.path ?? '', message: v.message[lang] })),
  };
}
