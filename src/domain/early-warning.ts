/**
 * Early warning against returning to poverty (防返贫监测预警): pure rules that turn one household's facts into
 * flags with reasons. Kinds: no verified help for N days; per-capita income near the poverty line or fallen
 * from the year before; a serious illness or disability in the family; problems past their deadline.
 */
import type { Localized } from './errors.ts';
import { lineOfYear, type MonitoringLines } from './yearly-line.ts';

export const WARNING_KINDS = ['no_help', 'low_income', 'income_fell', 'illness', 'overdue_problem'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** Thresholds; a county may change them (configuration), these are the defaults. */
export interface WarningConfig {
  /** days without a verified help record before a household is flagged */
  noHelpDays: number;
  /** flag when per-capita income is below this multiple of the poverty line */
  incomeMultiple: number;
  /** an illness or disability recorded within this many days counts as new */
  newIllnessDays: number;
}

export const DEFAULT_WARNING_CONFIG: WarningConfig = { noHelpDays: 60, incomeMultiple: 1.5, newIllnessDays: 60 };

/** What the rules need to know of one household (read for a whole scope in set queries). */
export interface HouseholdFacts {
  /** 2-digit province code, for the poverty line */
  province: string;
  /** whether the household has a current helper (only then is missing help a failure to warn about) */
  paired: boolean;
  /** day of the latest verified help record, or null when none */
  lastVerifiedHelpOn: string | null;
  /** the latest income year on record with its per-capita net income, and the year before's, when known */
  incomeYear: number | null;
  perCapita: number | null;
  previousPerCapita: number | null;
  /** persons with a serious illness or disability, and the latest day such a person's record changed */
  illPersons: number;
  illChangedOn: string | null;
  overdueProblems: number;
  /** The province's monitoring lines (income years after 2020 are measured against them); none: no such year is. */
  monitoringLines?: MonitoringLines | undefined;
}

export interface Warning {
  kind: WarningKind;
  reason: Localized;
}

const DAY = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / DAY);
}

function helpWarning(f: HouseholdFacts, c: WarningConfig, today: string): Warning | null {
  if (!f.paired) return null;
  if (f.lastVerifiedHelpOn === null) {
    return { kind: 'no_help', reason: { zh: '没有已核实的帮扶记录', en: 'No verified help on record' } };
  }
  const days = daysBetween(f.lastVerifiedHelpOn, today);
  if (days <= c.noHelpDays) return null;
  return {
    kind: 'no_help',
    reason: {
      zh: `已 ${days} 天没有已核实的帮扶（上次 ${f.lastVerifiedHelpOn}）`,
      en: `No verified help for ${days} days (last on ${f.lastVerifiedHelpOn})`,
    },
  };
}

function incomeWarnings(f: HouseholdFacts, c: WarningConfig): Warning[] {
  if (f.perCapita === null || f.incomeYear === null) return [];
  const out: Warning[] = [];
  // A year after 2020 without its monitoring line is not judged against an invented figure: no low-income warning
  // until the county admin enters the line (the household page says the line is missing).
  const yearLine = lineOfYear(Math.max(f.incomeYear, 2010), f.province, f.monitoringLines ?? new Map());
  if (yearLine.known) {
    const line = yearLine.yuan;
    const limit = Math.round(line * c.incomeMultiple);
    const name =
      yearLine.kind === 'poverty'
        ? { zh: '贫困线', en: 'the poverty line' }
        : { zh: '监测范围', en: 'the monitoring line' };
    if (f.perCapita < limit) {
      out.push({
        kind: 'low_income',
        reason: {
          zh: `${f.incomeYear} 年人均纯收入 ${f.perCapita} 元，低于${name.zh} ${line} 元的 ${c.incomeMultiple} 倍（${limit} 元）`,
          en: `Per-capita income ${f.perCapita} CNY in ${f.incomeYear} is below ${c.incomeMultiple}× ${name.en} ${line} (${limit})`,
        },
      });
    }
  }
  if (f.previousPerCapita !== null && f.perCapita < f.previousPerCapita) {
    out.push({
      kind: 'income_fell',
      reason: {
        zh: `${f.incomeYear} 年人均纯收入 ${f.perCapita} 元，比上一年 ${f.previousPerCapita} 元减少`,
        en: `Per-capita income fell to ${f.perCapita} CNY in ${f.incomeYear} from ${f.previousPerCapita}`,
      },
    });
  }
  return out;
}

function illnessWarning(f: HouseholdFacts, c: WarningConfig, today: string): Warning | null {
  if (f.illPersons === 0) return null;
  const recent = f.illChangedOn !== null && daysBetween(f.illChangedOn, today) <= c.newIllnessDays;
  const reason: Localized = recent
    ? {
        zh: `${f.illPersons} 人患大病或残疾，${f.illChangedOn} 新登记`,
        en: `${f.illPersons} with a serious illness or disability, recorded ${f.illChangedOn}`,
      }
    : {
        zh: `${f.illPersons} 人患大病或残疾，该户未纳入监测`,
        en: `${f.illPersons} with a serious illness or disability in a household not monitored`,
      };
  return { kind: 'illness', reason };
}

/**
 * The flags of one household not yet under monitoring, on `today` (YYYY-MM-DD). A healthy household — recent
 * verified help, income well above the line and not falling, no ill person, nothing overdue — gets none.
 */
export function householdWarnings(
  facts: HouseholdFacts,
  today: string,
  config: WarningConfig = DEFAULT_WARNING_CONFIG,
): Warning[] {
  const out: Warning[] = [];
  const help = helpWarning(facts, config, today);
  if (help) out.push(help);
  out.push(...incomeWarnings(facts, config));
  const illness = illnessWarning(facts, config, today);
  if (illness) out.push(illness);
  if (facts.overdueProblems > 0) {
    out.push({
      kind: 'overdue_problem',
      reason: {
        zh: `${facts.overdueProblems} 个问题超期未办结`,
        en: `${facts.overdueProblems} problem(s) past their deadline`,
      },
    });
  }
  return out;
}
