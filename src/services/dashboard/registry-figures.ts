/**
 * Figures straight from the registries (households and members), grouped by code prefix. The summary refresh
 * uses it per natural village; the raw reference (benchmarks, checks) per child of a scope.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/dashboard.ts';
import type { Database } from '../../db/schema.ts';
import { provinceOf } from '../../domain/divisions.ts';
import { povertyLine } from '../../domain/poverty-line.ts';
import { binThresholds, type Figures } from './figures.ts';
import { foldAggregates, maxYearOf } from './fold-aggregates.ts';

/** The poverty line the income bins are measured against, or null when no income year is known. */
export function lineOf(county: string, year: number | null): number | null {
  return year === null ? null : povertyLine(year, provinceOf(county));
}

export interface RegistryFigures {
  byGroup: Map<string, Figures>;
  /** The latest income year among the aggregated households (to notice a new year arriving). */
  maxYear: number | null;
}

/** Figures per group of `groupLength` code digits, incomes of `year` binned against that year's line. */
export async function registryFigures(
  db: Kysely<Database>,
  county: string,
  target: repo.Target,
  groupLength: number,
  year: number | null,
): Promise<RegistryFigures> {
  const line = lineOf(county, year);
  const thresholds = line === null ? [] : binThresholds(line);
  const [households, members] = await Promise.all([
    repo.householdAggregates(db, county, target, groupLength, year, thresholds),
    repo.memberAggregates(db, county, target, groupLength),
  ]);
  return { byGroup: foldAggregates(households, members, year), maxYear: maxYearOf(households) };
}
