import { describe, expect, it } from 'vitest';
import { CountyMemo } from './county-memo.ts';

describe('CountyMemo', () => {
  it('computes once, reuses the value, and computes again after a write or after the time limit', async () => {
    let computed = 0;
    const compute = async () => ++computed;
    let clock = 1_000;
    const memo = new CountyMemo<number>(5_000, 100, () => clock);
    expect(await memo.get('999001', 'all', compute)).toBe(1);
    expect(await memo.get('999001', 'all', compute)).toBe(1);
    expect(await memo.get('999001', 'other-filter', compute)).toBe(2);
    memo.changed('999001');
    expect(await memo.get('999001', 'all', compute)).toBe(3);
    memo.changed('999002'); // another county's write does not matter here
    expect(await memo.get('999001', 'all', compute)).toBe(3);
    clock += 5_000;
    expect(await memo.get('999001', 'all', compute)).toBe(4);
  });

  it('does not keep a value computed while a write of its county landed', async () => {
    const memo = new CountyMemo<string>();
    const during = await memo.get('999001', 'k', async () => {
      memo.changed('999001'); // a write commits while the value is being computed
      return 'before the write';
    });
    expect(during).toBe('before the write');
    expect(await memo.get('999001', 'k', async () => 'after the write')).toBe('after the write');
  });
});
