import { describe, expect, it } from 'vitest';
import { CountyBatcher, type Settled } from './create-batcher.ts';

/** A writer that records the batches it was given and answers each item with itself doubled, or refuses odd ones. */
function recordingWriter(failWhole: (batch: number[]) => boolean) {
  const batches: Array<{ county: string; items: number[] }> = [];
  const write = async (county: string, items: number[]): Promise<Settled<number>[]> => {
    batches.push({ county, items });
    if (failWhole(items)) throw new Error(`batch ${items.join(',')} refused`);
    return items.map((n) => (n % 2 === 0 ? { ok: true, value: n * 2 } : { ok: false, error: new Error(`odd ${n}`) }));
  };
  return { batches, write };
}

describe('CountyBatcher', () => {
  it('writes items submitted together as one batch per county and answers each on its own', async () => {
    const { batches, write } = recordingWriter(() => false);
    const batcher = new CountyBatcher(write);
    const answers = await Promise.allSettled([
      batcher.submit('340822', 2),
      batcher.submit('340822', 3),
      batcher.submit('110101', 4),
      batcher.submit('340822', 6),
    ]);
    expect(batches).toEqual([
      { county: '340822', items: [2, 3, 6] },
      { county: '110101', items: [4] },
    ]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      4,
      'odd 3',
      8,
      12,
    ]);
  });

  it('gathers what arrives while a batch is written into the next batch', async () => {
    const { batches, write } = recordingWriter(() => false);
    const batcher = new CountyBatcher(write);
    const first = batcher.submit('340822', 2);
    await Promise.resolve();
    const later = [batcher.submit('340822', 4), batcher.submit('340822', 8)];
    expect(await Promise.all([first, ...later])).toEqual([4, 8, 16]);
    expect(batches.map((b) => b.items)).toEqual([[2], [4, 8]]);
  });

  it('writes the items one by one when a whole batch fails, so one bad item fails alone', async () => {
    const { batches, write } = recordingWriter((items) => items.length > 1 || items[0] === 10);
    const batcher = new CountyBatcher(write);
    const answers = await Promise.allSettled([2, 10, 4].map((n) => batcher.submit('340822', n)));
    expect(batches.map((b) => b.items)).toEqual([[2, 10, 4], [2], [10], [4]]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      4,
      'batch 10 refused',
      8,
    ]);
  });
});
