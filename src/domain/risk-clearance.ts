/**
 * Risk clearance (风险消除, DOMAIN.md §8): criteria checked from the record, never typed — per-capita net income
 * above each year's line for the county's number of latest income years in a row ("stably"), 两不愁三保障 and
 * safe water secure (the exit test's checks), and every risk type of the case marked resolved. Every criterion is
 * reported, passed or not, as the exit assessment reports its checks.
 */
import type { Localized } from './errors.ts';
import { type ExitCheck, type ExitTestInput, securityChecks } from './exit-test.ts';
import type { YearLine } from './yearly-line.ts';

export interface ClearanceInput {
  /** Income years with their per-capita net income, any order. */
  incomes: ReadonlyArray<{ year: number; perCapita: number }>;
  /** The line of a year (poverty line to 2020, the province's monitoring line after). */
  lineOf: (year: number) => YearLine;
  /** How many latest income years in a row must be above their line. */
  stableYears: number;
  security: Omit<ExitTestInput, 'year' | 'provinceCode' | 'perCapitaNetIncome'>;
  riskTypes: readonly string[];
  resolvedRisks: readonly string[];
  /** Labels of the risk types, for the message naming unresolved ones. */
  riskLabel: (code: string) => Localized;
}

export interface ClearanceCheck {
  code: string;
  passed: boolean;
  detail: Localized;
}

export interface ClearanceResult {
  passes: boolean;
  checks: ClearanceCheck[];
}

function yearLine(year: number, perCapita: number, line: YearLine): { passed: boolean; text: Localized } {
  if (!line.known) return { passed: false, text: line.message };
  const passed = perCapita > line.yuan;
  return {
    passed,
    text: {
      zh: `${year} 年人均纯收入 ${perCapita} 元${passed ? '高于' : '未高于'}该年标准 ${line.yuan} 元`,
      en: `${year}: ${perCapita} CNY per person is ${passed ? 'above' : 'not above'} that year's line of ${line.yuan} CNY`,
    },
  };
}

/** The latest `stableYears` income years, consecutive, each strictly above its year's line. */
export function stableIncomeCheck(input: ClearanceInput): ClearanceCheck {
  const n = input.stableYears;
  const latest = [...input.incomes].sort((a, b) => b.year - a.year).slice(0, n);
  const consecutive = latest.every((r, i) => i === 0 || (latest[i - 1]?.year ?? 0) - r.year === 1);
  if (latest.length < n || !consecutive) {
    const detail = {
      zh: `收入须连续 ${n} 年稳定高于标准，但最近连续的收入记录不足 ${n} 年`,
      en: `Income must be above the line ${n} year(s) in a row, but the latest income records cover fewer consecutive years`,
    };
    return { code: 'income_stable', passed: false, detail };
  }
  const years = latest.map((r) => yearLine(r.year, r.perCapita, input.lineOf(r.year)));
  return {
    code: 'income_stable',
    passed: years.every((y) => y.passed),
    detail: {
      zh: `连续 ${n} 年：${years.map((y) => y.text.zh).join('；')}`,
      en: `${n} year(s) in a row: ${years.map((y) => y.text.en).join('; ')}`,
    },
  };
}

function risksCheck(input: ClearanceInput): ClearanceCheck {
  const open = input.riskTypes.filter((r) => !input.resolvedRisks.includes(r));
  const names = (lang: 'zh' | 'en') => open.map((r) => input.riskLabel(r)[lang]).join(lang === 'zh' ? '、' : ', ');
  return {
    code: 'risks_resolved',
    passed: open.length === 0,
    detail:
      open.length === 0
        ? { zh: '各项风险均已化解', en: 'Every risk type is resolved' }
        : { zh: `尚未化解的风险：${names('zh')}`, en: `Risks not yet resolved: ${names('en')}` },
  };
}

/** Every criterion of clearance, and whether all passed. */
export function checkClearance(input: ClearanceInput): ClearanceResult {
  const security: ExitCheck[] = securityChecks(input.security);
  const checks: ClearanceCheck[] = [stableIncomeCheck(input), ...security, risksCheck(input)];
  return { passes: checks.every((c) => c.passed), checks };
}
