import { describe, expect, it } from 'vitest';
import { type HouseholdFacts, householdWarnings } from './early-warning.ts';

const TODAY = '2020-12-31';
const healthy: HouseholdFacts = {
  province: '34',
  paired: true,
  lastVerifiedHelpOn: '2020-12-01',
  incomeYear: 2020,
  perCapita: 9000,
  previousPerCapita: 8000,
  illPersons: 0,
  illChangedOn: null,
  overdueProblems: 0,
};
const kinds = (f: Partial<HouseholdFacts>) => householdWarnings({ ...healthy, ...f }, TODAY).map((w) => w.kind);

describe('householdWarnings', () => {
  it('a healthy household has no flag', () => {
    expect(kinds({})).toEqual([]);
  });
  it('after 2020 measures income against the province monitoring line, and never against an invented one', () => {
    const lines = new Map([[2022, 6500]]);
    const in2022 = { incomeYear: 2022, perCapita: 9000, previousPerCapita: 8000, monitoringLines: lines };
    // 1.5 × 6,500 = 9,750 (the old code froze 2020's 4,000: 6,000, and would not flag 9,000).
    expect(kinds(in2022)).toEqual(['low_income']);
    const [w] = householdWarnings({ ...healthy, ...in2022 }, TODAY);
    expect(w?.reason.zh).toBe('2022 年人均纯收入 9000 元，低于监测范围 6500 元的 1.5 倍（9750 元）');
    expect(kinds({ ...in2022, incomeYear: 2023 })).toEqual([]);
  });
  it('no verified help for more than 60 days, or never', () => {
    expect(kinds({ lastVerifiedHelpOn: '2020-11-01' })).toEqual([]);
    expect(kinds({ lastVerifiedHelpOn: '2020-10-31' })).toEqual(['no_help']);
    expect(kinds({ lastVerifiedHelpOn: null })).toEqual(['no_help']);
    // Without a helper, missing help is not a pairing's failure (the other rules still apply).
    expect(kinds({ paired: false, lastVerifiedHelpOn: null })).toEqual([]);
    const [w] = householdWarnings({ ...healthy, lastVerifiedHelpOn: '2020-10-01' }, TODAY);
    expect(w?.reason.zh).toBe('已 91 天没有已核实的帮扶（上次 2020-10-01）');
  });
  it('income below 1.5 × the poverty line (2020: 4000 → 6000)', () => {
    expect(kinds({ perCapita: 6000, previousPerCapita: 5000 })).toEqual([]);
    expect(kinds({ perCapita: 5999, previousPerCapita: 5000 })).toEqual(['low_income']);
    const custom = householdWarnings({ ...healthy, perCapita: 7000, previousPerCapita: 6000 }, TODAY, {
      noHelpDays: 60,
      incomeMultiple: 2,
      newIllnessDays: 60,
    });
    expect(custom.map((w) => w.kind)).toEqual(['low_income']);
  });
  it('income fell from the year before', () => {
    expect(kinds({ perCapita: 8999, previousPerCapita: 9000 })).toEqual(['income_fell']);
    expect(kinds({ previousPerCapita: null })).toEqual([]);
  });
  it('serious illness or disability: new when recorded within the window', () => {
    const [recent] = householdWarnings({ ...healthy, illPersons: 1, illChangedOn: '2020-12-20' }, TODAY);
    expect(recent?.kind).toBe('illness');
    expect(recent?.reason.en).toContain('recorded 2020-12-20');
    const [old] = householdWarnings({ ...healthy, illPersons: 2, illChangedOn: '2019-01-01' }, TODAY);
    expect(old?.reason.en).toContain('not monitored');
  });
  it('overdue problems', () => {
    expect(kinds({ overdueProblems: 2 })).toEqual(['overdue_problem']);
  });
});
