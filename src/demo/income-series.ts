/**
 * Yearly income of a household from its identification year to 2020. The per-capita net income is set
 * first, relative to the year's poverty line (below it while poor, clearly above it from the exit year
 * on), then split into items the way such households earn: safety-net transfers for 低保/五保
 * households, pensions for the over-sixties, small subsidies, and the rest from wages and farming.
 */
import type { AttributeCode } from '../domain/codes.ts';
import { type IncomeItems, perCapitaNetIncome } from '../domain/income.ts';
import { povertyLine } from '../domain/poverty-line.ts';
import { DEMO_YEAR } from './dates.ts';
import type { History, YearStanding } from './history.ts';
import type { PersonDraft } from './persons.ts';
import type { Rng } from './random.ts';

/** One year's income, as household_income stores it. */
export interface IncomeYear {
  year: number;
  items: IncomeItems;
  householdSize: number;
  perCapita: number;
}

/** Ratio of per-capita income to the line, nudged up year by year while in the same standing. */
function ratioFor(
  rng: Rng,
  standing: YearStanding,
  previous: { standing: YearStanding; ratio: number } | null,
): number {
  const same = previous?.standing === standing ? previous.ratio : null;
  switch (standing) {
    case 'poor':
      return same === null ? rng.float(0.55, 0.85) : Math.min(0.97, same + rng.float(0, 0.05));
    case 'out':
      return same === null ? rng.float(1.12, 1.4) : Math.min(2.5, same + rng.float(0, 0.08));
    case 'marginal':
      return rng.float(1.03, 1.2);
    case 'comfortable':
      return rng.float(1.25, 1.6);
  }
}

/** Transfers before capping: 低保 (dibao households), 五保 (tekun), pensions (60+), subsidies. */
function transfers(rng: Rng, year: number, attribute: AttributeCode, persons: readonly PersonDraft[], covered: number) {
  const t = year - 2014; // the standards rose every year of the campaign
  const elders = persons.filter((p) => p.age - (DEMO_YEAR - year) >= 60).length;
  const dibaoHousehold = attribute === 'dibao' || attribute === 'dibao_poor';
  return {
    dibao: dibaoHousehold ? covered * (150 + 17 * t) * 12 : 0,
    wubao: attribute === 'tekun' ? persons.length * (3600 + 450 * t) : 0,
    pension: elders * (70 + 8 * t) * 12,
    subsidy: rng.int(100, 600) + 60 * t,
  };
}

// Share of income that transfers may make up: nearly all for 五保 elders, little for ordinary households.
const TRANSFER_CAP: Record<AttributeCode, number> = { tekun: 0.97, dibao_poor: 0.75, dibao: 0.75, general: 0.45 };

/** Splits a yearly net total (whole yuan) into items that add up to it exactly. */
function splitIncome(
  rng: Rng,
  total: number,
  attribute: AttributeCode,
  proposed: ReturnType<typeof transfers>,
  labourers: number,
  cooperative: boolean,
): IncomeItems {
  const sum = proposed.dibao + proposed.wubao + proposed.pension + proposed.subsidy;
  const factor = Math.min(1, (TRANSFER_CAP[attribute] * total) / sum);
  const scaled = {
    dibao: Math.floor(proposed.dibao * factor),
    wubao: Math.floor(proposed.wubao * factor),
    pension: Math.floor(proposed.pension * factor),
    subsidy: Math.floor(proposed.subsidy * factor),
  };
  const rest = total - scaled.dibao - scaled.wubao - scaled.pension - scaled.subsidy;
  const wage = labourers > 0 ? Math.round(rest * rng.float(0.45, 0.8)) : 0;
  const property = cooperative ? Math.round(rest * rng.float(0.02, 0.08)) : 0;
  const productionNet = rest - wage - property;
  // Farming is recorded gross with its costs beside it; the net is what counts.
  const production = Math.round(productionNet / (1 - rng.float(0.15, 0.35)));
  return { wage, production, property, ...scaled, productionCost: production - productionNet };
}

/** Income rows for every year from identification to 2020. */
export function incomeSeries(
  rng: Rng,
  history: History,
  attribute: AttributeCode,
  persons: readonly PersonDraft[],
  cooperative: boolean,
  provinceCode: string,
): IncomeYear[] {
  const size = persons.length;
  const labourers = persons.filter((p) => p.labour === 'ordinary' || p.labour === 'skilled').length;
  const covered = Math.max(1, Math.round(size * rng.float(0.5, 1)));
  const out: IncomeYear[] = [];
  let previous: { standing: YearStanding; ratio: number } | null = null;
  for (let year = history.identifiedYear; year <= DEMO_YEAR; year++) {
    const standing = history.standing(year);
    const ratio = ratioFor(rng, standing, previous);
    previous = { standing, ratio };
    const total = Math.max(1, Math.round(povertyLine(year, provinceCode) * ratio * size));
    const items = splitIncome(
      rng,
      total,
      attribute,
      transfers(rng, year, attribute, persons, covered),
      labourers,
      cooperative,
    );
    out.push({ year, items, householdSize: size, perCapita: perCapitaNetIncome(items, size) });
  }
  return out;
}
