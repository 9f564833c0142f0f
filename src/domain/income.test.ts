import { describe, expect, it } from 'vitest';
import { grossIncome, type IncomeItems, netIncome, perCapitaNetIncome, roundYuan } from './income.ts';

const ZERO: IncomeItems = {
  wage: 0,
  production: 0,
  property: 0,
  dibao: 0,
  wubao: 0,
  pension: 0,
  subsidy: 0,
  productionCost: 0,
};
const items = (overrides: Partial<IncomeItems>): IncomeItems => ({ ...ZERO, ...overrides });

describe('income', () => {
  it('adds every income item and subtracts production costs', () => {
    const household = items({
      wage: 12000,
      production: 5000,
      property: 300,
      dibao: 2400,
      wubao: 0,
      pension: 1320,
      subsidy: 800,
      productionCost: 1800,
    });
    expect(grossIncome(household)).toBe(21820);
    expect(netIncome(household)).toBe(20020);
    expect(perCapitaNetIncome(household, 4)).toBe(5005);
  });

  it('sums fractional amounts without float drift', () => {
    expect(netIncome(items({ wage: 0.1, subsidy: 0.2 }))).toBe(0.3);
    expect(netIncome(items({ production: 1000.55, productionCost: 1000.45 }))).toBe(0.1);
  });

  it('rounds per-capita income to 2 decimals, halves away from zero', () => {
    expect(perCapitaNetIncome(items({ wage: 10000 }), 3)).toBe(3333.33);
    expect(perCapitaNetIncome(items({ wage: 20000 }), 3)).toBe(6666.67);
    expect(perCapitaNetIncome(items({ wage: 0.03 }), 2)).toBe(0.02);
    expect(roundYuan(1.005)).toBe(1.01);
    expect(roundYuan(-1.005)).toBe(-1.01);
  });

  it('lets costs make net income negative', () => {
    expect(perCapitaNetIncome(items({ production: 1000, productionCost: 4000 }), 2)).toBe(-1500);
  });

  it('rejects household sizes that are not positive integers', () => {
    expect(() => perCapitaNetIncome(ZERO, 0)).toThrow(RangeError);
    expect(() => perCapitaNetIncome(ZERO, 2.5)).toThrow(RangeError);
    expect(() => perCapitaNetIncome(ZERO, Number.NaN)).toThrow(RangeError);
  });
});
