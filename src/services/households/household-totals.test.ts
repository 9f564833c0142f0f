import { describe, expect, it } from 'vitest';
import { householdsChanged, rememberedTotal } from './household-totals.ts';

describe('remembered household totals', () => {
  it('counts once, reuses the total, and counts again after a write or after the time limit', async () => {
    let counted = 0;
    const count = async () => ++counted;
    let clock = 1_000;
    const now = () => clock;
    expect(await rememberedTotal('999001', 'all', count, now)).toBe(1);
    expect(await rememberedTotal('999001', 'all', count, now)).toBe(1);
    expect(await rememberedTotal('999001', 'other-filter', count, now)).toBe(2);
    householdsChanged('999001');
    expect(await rememberedTotal('999001', 'all', count, now)).toBe(3);
    householdsChanged('999002'); // another county's write does not matter here
    expect(await rememberedTotal('999001', 'all', count, now)).toBe(3);
    clock += 5_000;
    expect(await rememberedTotal('999001', 'all', count, now)).toBe(4);
  });
});
