import { describe, expect, it } from 'vitest';
import { binThresholds, emptyFigures, meanIncomeOf, poorOf, sumFigures } from './figures.ts';
import { foldAggregates, maxYearOf } from './fold-aggregates.ts';

describe('dashboard figures', () => {
  it('puts the bin edges at 0.8, 1, 1.2, 1.5 and 2 times the line, in cents', () => {
    expect(binThresholds(4000)).toEqual([3200, 4000, 4800, 6000, 8000]);
    expect(binThresholds(2952)).toEqual([2361.6, 2952, 3542.4, 4428, 5904]);
  });

  it('sums children into their parent exactly', () => {
    const a = emptyFigures(2020);
    Object.assign(a, { households: 2, byStatus: { identified: 1, exited: 1 }, members: 3 });
    a.income = { year: 2020, bins: { lt_0_8: 1, ge_2: 1 }, missing: 0, sum: 0.1, count: 2 };
    const b = emptyFigures(2020);
    Object.assign(b, { households: 1, byStatus: { returned: 1 }, byExpertise: { law: 2 } });
    b.income = { year: 2020, bins: { lt_0_8: 1 }, missing: 0, sum: 0.2, count: 1 };
    const total = sumFigures([a, b], 2020);
    expect(total).toMatchObject({ households: 3, byStatus: { identified: 1, exited: 1, returned: 1 }, members: 3 });
    expect(total.income).toEqual({ year: 2020, bins: { lt_0_8: 2, ge_2: 1 }, missing: 0, sum: 0.3, count: 3 });
    expect(poorOf(total)).toBe(2);
    expect(meanIncomeOf(total)).toBe(0);
    expect(meanIncomeOf(emptyFigures(null))).toBeNull();
  });

  it('folds aggregate rows per group: totals, statuses, causes, bins (null = missing), members', () => {
    const base = { income_sum: null, income_n: 0, max_year: null };
    const byGroup = foldAggregates(
      [
        { g: 'x', set: 'total', key: null, n: 3, income_sum: 9000.5, income_n: 2, max_year: 2020 },
        { g: 'x', set: 'status', key: 'identified', n: 3, ...base },
        { g: 'x', set: 'cause', key: 'illness', n: 3, ...base },
        { g: 'x', set: 'bin', key: '0', n: 1, ...base },
        { g: 'x', set: 'bin', key: '5', n: 1, ...base },
        { g: 'x', set: 'bin', key: null, n: 1, ...base },
      ],
      [
        { g: 'x', dim: 'total', key: null, n: 4 },
        { g: 'y', dim: 'expertise', key: 'law', n: 1 },
        { g: 'y', dim: 'willingness', key: 'care', n: 2 },
      ],
      2020,
    );
    expect(byGroup.get('x')).toMatchObject({
      households: 3,
      byStatus: { identified: 3 },
      byCause: { illness: 3 },
      income: { year: 2020, bins: { lt_0_8: 1, ge_2: 1 }, missing: 1, sum: 9000.5, count: 2 },
      members: 4,
    });
    expect(byGroup.get('y')).toMatchObject({ households: 0, byExpertise: { law: 1 }, byWillingness: { care: 2 } });
    expect(maxYearOf([{ g: 'x', set: 'total', key: null, n: 1, income_sum: null, income_n: 0, max_year: 2019 }])).toBe(
      2019,
    );
  });
});
